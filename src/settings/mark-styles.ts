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

/** Every rule, as one stylesheet text, each highlight under `nameOf(its key)`. */
export function highlightCss(nameOf: (key: string) => string): string {
  const rules: string[] = [];
  for (const style of UNDERLINE_STYLES) {
    for (const [colour, hex] of Object.entries(COLOURS)) {
      rules.push(`::highlight(${nameOf(styleKey(style, colour as Colour))}) { ${rule(style, hex)} }`);
    }
  }
  rules.push(`::highlight(${nameOf(FOCUS_KEY)}) { background-color: #3b82f633; }`);
  return rules.join('\n');
}
