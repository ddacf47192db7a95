// The build's `hashiya:region-map` module (build.mjs): the place map's outlines, made at build time.
declare module 'hashiya:region-map' {
  const outline: import('./region-outline').RegionOutline;
  export default outline;
}
