// The look of Hashiya's marks: `::highlight()` rules for every underline style × colour, so that
// a change of style in the options only moves ranges to another highlight name; no stylesheet is
// rewritten while the page is open. Colours are mid-tones that read on light and dark pages.

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

/** The highlight name that draws `style` in `colour`. */
export function highlightName(style: UnderlineStyle, colour: Colour): string {
  return `hashiya-${style}-${colour}`;
}

/** The name of the highlight for the mention under the pointer. */
export const FOCUS_HIGHLIGHT = 'hashiya-focus';

function rule(style: UnderlineStyle, hex: string): string {
  if (style === 'tint') return `background-color: ${hex}2e;`;
  return `text-decoration: underline ${style} ${hex}; text-decoration-thickness: ${style === 'solid' ? 1 : 2}px;`;
}

/** Every rule, as one stylesheet text. */
export function highlightCss(): string {
  const rules: string[] = [];
  for (const style of UNDERLINE_STYLES) {
    for (const [colour, hex] of Object.entries(COLOURS)) {
      rules.push(`::highlight(${highlightName(style, colour as Colour)}) { ${rule(style, hex)} }`);
    }
  }
  rules.push(`::highlight(${FOCUS_HIGHLIGHT}) { background-color: #3b82f633; }`);
  return rules.join('\n');
}
