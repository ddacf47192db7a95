// The names and ambiguity data of the bundled pack, extracted at build time (build.mjs) so that
// the content script carries only what matching needs, never the whole pack.
declare module 'hashiya:match-data' {
  const data: import('../data/match-data').MatchData;
  export default data;
}

// The bundled pack's matcher compiled at build time (build.mjs, src/match/table-encoding.ts), which
// the background sends to each engine that starts.
declare module 'hashiya:bundled-matcher' {
  const tables: import('../match/table-encoding').EncodedTables;
  export default tables;
}

// What the engine reads of the bundled pack only when it needs it, each a function that returns a
// literal (build.mjs engineDataModule): the rules and the ligatures of its matcher (the rest the
// background sends), the folding tables, and its match data as JSON, for compiling it together with
// imported packs.
declare module 'hashiya:engine-data' {
  export const rulesJson: () => string;
  export const ligatureWords: () => string;
  export const foldData: () => string;
  export const matchJson: () => string;
}
