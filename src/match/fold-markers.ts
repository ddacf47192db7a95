// The markers a fold value can be instead of a folded code unit (all < 0x20, which no folded
// character uses: control characters fold to SPACE).

/** Dropped everywhere: diacritics, tatweel, bidi and zero-width controls, soft hyphen, BOM. */
export const IGNORE = 0;
/** Tanween fath (ً): skipped inside a name, but a word ending in it is another word form (روسياً). */
export const TANWEEN = 1;
/** Apostrophes and transliteration marks: skipped inside a word; `'s` after a name stays outside. */
export const APOS = 2;
/** A presentation-form ligature that stands for several letters: see EXPANSIONS. */
export const EXPAND = 3;
/** Every space, line break, hyphen, dash and underscore: one word gap. */
export const SPACE = 0x20;
