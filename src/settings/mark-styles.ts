// The look of Hashiya's marks: `::highlight()` rules for every underline style × colour, so that
// a change of style in the options only moves ranges to another highlight; no stylesheet is
// rewritten while the page is open. Colours are mid-tones that read on light and dark pages.
//
// A page can list the names in CSS.highlights, so each document gets names of its own, made up at
// random (content/highlight-names.ts): a name tells the page neither that Hashiya is there nor
// which style it draws. Here each highlight is known by its key (`dotted-teal`, `focus`).

export const UNDERLINE_STYLES = ['dotted', 'solid', 'wavy', 'dashed', 'tint'] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

export const COLOURS = {
  teal: '#14a0a0',
  blue: '#3b82f6',
  orange: '#e8780c',
  green: '#2ea043',
  magenta: '#c9479b',
  violet: '#8b6cf0',
  grey: '#8c959f',
} as const;
export type Colour = keyof typeof COLOURS;

/** The key of the highlight that draws `style` in `colour`. */
export function styleKey(style: UnderlineStyle, colour: Colour): string {
  return `${style}-${colour}`;
}

/** The key of the highlight for the mention under the pointer. */
export const FOCUS_KEY = 'focus';

/** Every highlight's key, in a fixed order: each style × colour, then the focus. */
export const HIGHLIGHT_KEYS: readonly string[] = [
  ...UNDERLINE_STYLES.flatMap((style) => (Object.keys(COLOURS) as Colour[]).map((colour) => styleKey(style, colour))),
  FOCUS_KEY,
];

function rule(style: UnderlineStyle, hex: string): string {
  if (style === 'tint') return `background-color: ${hex}2e;`;
  return `text-decoration: underline ${style} ${hex}; text-decoration-thickness: ${style === 'solid' ? 1 : 2}px;`;
}

/**
 * What the rules hang on. In Chromium a highlight pseudo-element inherits its parent's (CSS Pseudo
 * 4's highlight inheritance), so rules on the root reach every element, and a document that has
 * them costs no more to restyle than one without; universal rules are matched at every element:
 * adding 36 of them to the stress page (174 000 text nodes) restyled it in 850-1 250 ms, rooted
 * ones in 490-640 ms, and with rooted rules in place a later full restyle took no longer than with
 * none. Firefox 153 does not inherit them (a rooted rule left a highlighted word in a paragraph
 * undrawn), so there they are universal.
 */
export const HIGHLIGHT_SCOPE: '' | ':root' = __BROWSER__ === 'chrome' ? ':root' : '';

/** Every rule, as one stylesheet text, each highlight under `nameOf(its key)`, on `scope`. */
export function highlightCss(nameOf: (key: string) => string, scope: '' | ':root' = HIGHLIGHT_SCOPE): string {
  const rules: string[] = [];
  for (const style of UNDERLINE_STYLES) {
    for (const [colour, hex] of Object.entries(COLOURS)) {
      rules.push(`${scope}::highlight(${nameOf(styleKey(style, colour as Colour))}) { ${rule(style, hex)} }`);
    }
  }
  rules.push(`${scope}::highlight(${nameOf(FOCUS_KEY)}) { background-color: #3b82f633; }`);
  return rules.join('\n');
}
