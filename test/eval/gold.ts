// Labelled evaluation texts: `[[surface|entity-id]]` marks a mention the engine must find,
// `{{surface}}` a look-alike it must leave alone. Stripping the markup gives the text and the
// gold spans (UTF-16 offsets into the stripped text).

/** A gold mention or a look-alike span, in offsets of the stripped text. */
export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
}

/** One evaluation text with its gold mentions and look-alike traps. */
export interface GoldText {
  readonly text: string;
  readonly mentions: readonly GoldSpan[];
  readonly traps: readonly Omit<GoldSpan, 'entity'>[];
}

const MARKUP = /\[\[([^\]|]+)\|([a-z0-9-]+)\]\]|\{\{([^}]+)\}\}/g;

/** Strips the markup of a labelled text and returns text, gold mentions and traps. */
export function parseGold(source: string): GoldText {
  let text = '';
  let last = 0;
  const mentions: GoldSpan[] = [];
  const traps: { start: number; end: number }[] = [];
  for (const m of source.matchAll(MARKUP)) {
    text += source.slice(last, m.index);
    const surface = m[1] ?? m[3] ?? '';
    const start = text.length;
    text += surface;
    if (m[2] !== undefined) mentions.push({ start, end: text.length, entity: m[2] });
    else traps.push({ start, end: text.length });
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  return { text, mentions, traps };
}

/** Counts of an exact-span comparison: a found mention is right only with the same offsets and entity. */
export interface Score {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

/** Precision, recall and F1 of a score (1 when there is nothing to find and nothing found). */
export function rates(s: Score): { precision: number; recall: number; f1: number } {
  const found = s.truePositives + s.falsePositives;
  const gold = s.truePositives + s.falseNegatives;
  const precision = found === 0 ? 1 : s.truePositives / found;
  const recall = gold === 0 ? 1 : s.truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Compares found mentions with the gold ones. */
export function score(gold: readonly GoldSpan[], found: readonly GoldSpan[]): Score {
  const key = (m: GoldSpan): string => `${m.start}:${m.end}:${m.entity}`;
  const goldKeys = new Set(gold.map(key));
  const truePositives = found.filter((m) => goldKeys.has(key(m))).length;
  return { truePositives, falsePositives: found.length - truePositives, falseNegatives: gold.length - truePositives };
}
