// The folding tables, computed from the rules and encoded at build time (build.mjs evaluates
// fold-data.ts and embeds its string; the unit tests import fold-data.ts itself).
declare module 'hashiya:fold-data' {
  const encoded: string;
  export default encoded;
}
