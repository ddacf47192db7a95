// What the matcher compiles: the names, cues and blockers of one or more packs, nothing else.
// Kept apart from the pack schema so the engine runs on any source of names (tests, imports).

/** How a name's common sense competes with the story's sense (see resolve.ts). */
export type Ambiguity = 'needs-evidence' | 'unless-blocked';

/** One spelling to find: a canonical name or an alias. */
export interface MatchName {
  readonly text: string;
  readonly ambiguity?: Ambiguity | undefined;
  readonly caseSensitive?: boolean | undefined;
}

/** One record of a pack, reduced to what finding it needs. */
export interface MatchEntity {
  readonly id: string;
  readonly type: string;
  /** Canonical English name, reported by the CLI. */
  readonly name: string;
  readonly names: readonly MatchName[];
  readonly cues?: {
    readonly before?: readonly string[];
    readonly after?: readonly string[];
    /** Words of the name's other senses: in the mention's sentence, they say it is not this entity. */
    readonly against?: readonly string[];
  } | undefined;
}

/** A phrase that contains a name but means something else. */
export interface MatchBlocker {
  readonly text: string;
  readonly scope: 'span' | 'document';
  /** Entity ids whose ambiguous names a document blocker switches off. */
  readonly entities: readonly string[];
  /**
   * Words one of which must stand in the phrase's sentence for it to block (a vaccine's words for
   * "سبوتنيك في"); elsewhere the names inside the phrase are read as usual. Absent: it always blocks.
   */
  readonly context?: readonly string[] | undefined;
}

/** Everything one pack gives the matcher. */
export interface MatchInput {
  readonly entities: readonly MatchEntity[];
  readonly blockers: readonly MatchBlocker[];
}
