// The names and ambiguity data of the bundled pack, extracted at build time (build.mjs) so that
// the content script carries only what matching needs, never the whole pack.
declare module 'hashiya:match-data' {
  const data: import('../data/match-data').MatchData;
  export default data;
}
