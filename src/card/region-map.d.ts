// The build's `hashiya:region-map` module (build.mjs): the place map's outlines, made at build time.
declare module 'hashiya:region-map' {
  const outline: import('./region-outline').RegionOutline;
  export default outline;
}

// The build's `hashiya:card-words` module (build.mjs): the card's own words in both languages.
declare module 'hashiya:card-words' {
  const words: Readonly<Record<'en' | 'ar', Readonly<Record<string, string>>>>;
  export default words;
}
