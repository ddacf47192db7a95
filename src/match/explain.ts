// `annotate --explain`: every candidate of a text with the rule or evidence that decided it.

import type { Rule } from './compile';
import { cueAfter, cueBefore } from './cues';
import { paragraphs, type Dropped, type Matcher } from './matcher';
import { MAX_RULES, WHY, documentEvidence, judge, type Scan, type Why } from './resolve';

/** One candidate of explain(): where, which spelling of which entity, marked or not, and why. */
export interface Explained {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The entity the spelling names; '' for a blocker. */
  readonly entity: string;
  /** The pack's spelling that matched (a name, an alias or a blocker phrase). */
  readonly spelling: string;
  readonly ambiguity: 'always' | 'needs-evidence' | 'unless-blocked' | 'blocker' | 'sense';
  readonly marked: boolean;
  readonly why: string;
}

const AMBIGUITY_NAME = ['always', 'needs-evidence', 'unless-blocked'] as const;

function explainDropped(text: string, d: Dropped): Explained {
  const r = d.rule;
  const blocks = r.blocks.join(', ');
  const why = {
    case: `its letter case is not that of "${r.name}"`,
    blocker: `inside "${r.name}", a phrase that means something else (blocks ${blocks})`,
    'document-blocker': `"${r.name}" means something else, and switches off ${blocks} in the whole text`,
    'out-of-context': `"${r.name}" would block ${blocks}, but none of its context words is in its sentence: the names inside it are read`,
    address: 'inside a web or e-mail address',
    sense: `a word of another sense of ${blocks}'s name: that name in the same sentence is not ${blocks}`,
  }[d.why];
  return {
    start: d.start, end: d.end, text: text.slice(d.start, d.end), entity: r.entity, spelling: r.name,
    ambiguity: r.blockerScope === 'sense' ? 'sense' : r.entityIndex < 0 ? 'blocker' : AMBIGUITY_NAME[r.ambiguity], marked: false, why,
  };
}

/** The words for a decision of judge, with the cue or word that made it where there is one. */
function describe(why: Why, r: Rule, text: string, start: number, end: number, scan: Scan, bits: number, i: number): string {
  switch (why) {
    case WHY.name: return `"${r.name}" names ${r.entity} and nothing else`;
    case WHY.cue: {
      const before = r.cuesBefore.find((c) => cueBefore(text, start, [c]));
      const after = r.cuesAfter.find((c) => cueAfter(text, end, [c]));
      if (before !== undefined) return `cue word "${before}" (folded) right before it`;
      if (after !== undefined) return `cue word "${after}" (folded) right after it`;
      return 'joined by "and" or a comma to a sure mention of another person of the story';
    }
    case WHY.against: return 'a word of another sense of the name in its sentence (listed above)';
    case WHY.block: return `a sure mention of ${r.entity} in its paragraph`;
    case WHY.blockOther: return `another sense of "${r.name}" stands in its paragraph, and no sure mention of ${r.entity}`;
    case WHY.documentBlocker: return `a phrase elsewhere in the text switches ${r.entity} off`;
    case WHY.story: return `the story's names in its paragraph (${[...new Set([...scan.strong, ...scan.probable])].filter((id) => id !== r.entity).join(', ')})`;
    case WHY.document: return `nothing around it says; a sure mention of ${r.entity} elsewhere in the text`;
    case WHY.documentOther: return `nothing around it says; another sense of "${r.name}" elsewhere in the text, at least as often`;
    case WHY.plain: return 'nothing around it or in the text says otherwise';
    case WHY.documentPlain: return `nothing around it says; a plain mention of ${r.entity} elsewhere in the text`;
    case WHY.noEvidence: return 'needs evidence: no cue next to it, no sure mention in its paragraph or the text';
    default: return ((bits >> i) & 1) === 0 ? `its letter case is not that of "${r.name}"` : 'no rule takes it';
  }
}

/**
 * Every candidate of a text, marked or not, with what decided it (`annotate --explain`, the pack
 * author's view of cues and blockers): find's decision (resolve.ts judge), step by step. Slow; for
 * tools, never loaded by the content script.
 */
export function explain(matcher: Matcher, text: string): Explained[] {
  const bounds = paragraphs(text);
  const scans: Scan[] = [];
  const out: Explained[] = [];
  const trace: Dropped[] = [];
  const seen = new Set<string>();
  matcher.traced(trace, () => {
    for (let p = 0; p + 1 < bounds.length; p++) {
      const shift = bounds[p]!;
      scans.push(matcher.scan(text.slice(shift, bounds[p + 1])));
      // A scan that met a blocker out of its context went over its first candidates twice.
      for (const d of trace.splice(0)) {
        const key = `${d.start}:${d.end}:${d.why}`;
        if (seen.has(key + ':' + p)) continue;
        seen.add(key + ':' + p);
        out.push(explainDropped(text, { ...d, start: d.start + shift, end: d.end + shift }));
      }
    }
  });
  const doc = documentEvidence(scans);
  scans.forEach((scan, q) => {
    const shift = bounds[q]!;
    const part = text.slice(shift, bounds[q + 1]);
    for (let k = 0; k < scan.count; k++) {
      const rules = scan.table[scan.groups[k]!]!;
      const bits = scan.bits[k]!;
      let chosen = -1;
      let why: Why = WHY.case;
      let first = -1;
      for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
        const w = judge(rules, i, bits, scan, doc);
        if (w > 0) {
          chosen = i;
          why = w;
          break;
        }
        if (first < 0 && w !== WHY.case) {
          first = i;
          why = w;
        }
      }
      const r = rules[chosen >= 0 ? chosen : Math.max(first, 0)]!;
      const start = scan.starts[k]!;
      const end = scan.ends[k]!;
      out.push({
        start: start + shift, end: end + shift, text: text.slice(start + shift, end + shift),
        entity: r.entity, spelling: r.name, ambiguity: AMBIGUITY_NAME[r.ambiguity], marked: chosen >= 0,
        why: describe(why, r, part, start, end, scan, bits, rules.indexOf(r)),
      });
    }
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
