// The build's `hashiya:world-map` module (build.mjs): the world's outlines for the place map, made at build time.
declare module 'hashiya:world-map' {
  const world: import('./map-code').WorldOutline;
  export default world;
}

// The build's `hashiya:card-words` module (build.mjs): the card's own words in both languages.
declare module 'hashiya:card-words' {
  const words: Readonly<Record<'en' | 'ar', Readonly<Record<string, string>>>>;
  export default words;
}
