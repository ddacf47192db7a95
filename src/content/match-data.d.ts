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

// The bundled pack's match data as JSON, made and parsed only to compile it together with imported
// packs (the engine).
declare module 'hashiya:bundled-match-json' {
  const matchJson: () => string;
  export default matchJson;
}
