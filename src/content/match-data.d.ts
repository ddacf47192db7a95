// The names and ambiguity data of the bundled pack, extracted at build time (build.mjs) so that
// the content script carries only what matching needs, never the whole pack.
declare module 'hashiya:match-data' {
  const data: import('../data/match-data').MatchData;
  export default data;
}

// The bundled pack's matcher compiled at build time (build.mjs, src/match/table-encoding.ts), and
// its match data as JSON, made and parsed only to compile it together with imported packs.
declare module 'hashiya:bundled-matcher' {
  const bundled: { readonly tables: import('../match/table-encoding').EncodedTables; readonly matchData: () => string };
  export default bundled;
}
