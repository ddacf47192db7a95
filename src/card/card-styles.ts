// The card's own stylesheet, inside its shadow root. `:host` declarations are !important: in the
// cascade an important rule of the shadow tree beats every page rule, even `* { … !important }`.
// `all` leaves direction alone, so it is set too (a page may put `direction: rtl` on <html>).
// Under prefers-reduced-motion nothing in the card moves: no animation, no transition. Where the
// host stands and whether it is being measured are set in sheets of the shadow root too (frame.ts),
// never on the host, whose attributes and inline style the page can read.

/** The stylesheet of the card's shadow root. */
export const CARD_CSS = `
:host {
  all: initial !important;
  direction: ltr !important;
  display: block !important;
  position: fixed !important;
  inset: auto !important;
  left: 0 !important;
  top: 0 !important;
  width: 340px !important;
  max-width: calc(100vw - 16px) !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  background: transparent !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  font: 14px/1.45 system-ui, "DejaVu Sans", "Noto Sans Arabic", sans-serif !important;
  color-scheme: light dark !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  pointer-events: auto !important;
}
:host(:not(:popover-open)) { display: none !important; }
* { box-sizing: border-box; }
.card {
  --bg: #ffffff; --fg: #1d232a; --muted: #5b6570; --line: #d8dde3; --accent: #0f6b66; --mark: #fff1a8; --land: #e9ece6; --sea: #dcecf5;
  position: relative; background: var(--bg); color: var(--fg); border: 1px solid var(--line);
  border-radius: 10px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); font-size: var(--size, 14px);
  animation: appear 120ms ease-out;
}
.card.dark {
  --bg: #1f2428; --fg: #e8ebee; --muted: #a7b0b8; --line: #3a434b; --accent: #6fd3cb; --mark: #6b5b12; --land: #39413a; --sea: #1c2f3b;
}
@media (prefers-color-scheme: dark) {
  .card.auto { --bg: #1f2428; --fg: #e8ebee; --muted: #a7b0b8; --line: #3a434b; --accent: #6fd3cb; --mark: #6b5b12; --land: #39413a; --sea: #1c2f3b; }
}
@keyframes appear { from { opacity: 0; transform: translateY(2px); } }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
.scroll { max-height: min(420px, calc(100vh - 32px), calc(var(--room, 100vh) - 2px)); overflow: auto; padding: 12px 14px; border-radius: 10px; }
.arrow { position: absolute; width: 12px; height: 12px; background: var(--bg); border: 1px solid var(--line); transform: rotate(45deg); }
.arrow.top { border-top: 0; border-left: 0; }
.arrow.bottom { border-bottom: 0; border-right: 0; }
header { display: flex; gap: 8px; align-items: flex-start; }
.names { flex: 1; min-width: 0; }
.name { font-size: 1.15em; font-weight: 700; margin: 0; }
.other { color: var(--muted); margin: 0; }
.kind { color: var(--muted); font-size: 0.9em; margin: 4px 0 0; }
.tools { display: flex; gap: 4px; }
button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:focus-visible, .card:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.card:focus { outline: none; }
button[aria-pressed="true"] { background: var(--accent); color: var(--bg); }
h2, h3 { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); margin: 12px 0 4px; }
p { margin: 4px 0; }
ul { margin: 0; padding: 0; list-style: none; }
.sentences li { border-inline-start: 3px solid var(--line); padding-inline-start: 8px; margin: 6px 0; }
.quotes li { margin: 6px 0; }
.quotes blockquote { margin: 0; padding-inline-start: 8px; border-inline-start: 3px solid var(--accent); }
.quote-en, .quotes .source { color: var(--muted); margin: 2px 0 0; padding-inline-start: 11px; }
.quotes .source { font-size: 0.85em; }
.translation { color: var(--muted); }
.date { color: var(--muted); font-size: 0.85em; }
mark { background: var(--mark); color: inherit; border-radius: 2px; }
.related { display: flex; flex-wrap: wrap; gap: 6px; }
.timeline li { display: flex; gap: 8px; margin: 2px 0; }
.event { display: grid; grid-template-columns: max-content 1fr; gap: 6px 10px; margin: 8px 0; align-items: baseline; }
.event dt { color: var(--muted); font-size: 0.85em; }
.event dd { margin: 0; }
.event .date { font-size: 1em; color: inherit; }
.timeline .date { flex: none; min-width: 6.5em; }
.prov { color: var(--accent); font-size: 0.8em; vertical-align: super; cursor: help; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.map svg { display: block; width: 100%; height: auto; background: var(--sea); border-radius: 6px; }
.map path { fill: var(--land); stroke: var(--muted); stroke-width: 0.6; }
.map .point { fill: #d2452b; stroke: var(--bg); stroke-width: 1.5; }
.map text { fill: var(--fg); font-size: 10px; paint-order: stroke; stroke: var(--bg); stroke-width: 3px; }
button.speak { border-color: transparent; padding: 0 4px; margin-inline-start: 4px; vertical-align: baseline; }
button.copy svg, button.speak svg { vertical-align: -1px; }
.quotes button.copy { margin: 2px 0 0; margin-inline-start: 11px; font-size: 0.8em; }
button.link { border: 0; padding: 0; color: var(--accent); text-decoration: underline; text-align: start; }
.matched { color: var(--muted); font-size: 0.85em; margin-top: 10px; }
`;
