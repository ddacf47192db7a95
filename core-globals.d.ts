// The few globals the pure core (src/match, src/data) uses beyond ECMAScript, for
// tsconfig.core.json, which has no DOM library: every browser and Node has them. Anything else a
// core module reaches for (document, chrome, fetch …) fails that check.

/** Base64 of a binary string (the folding tables, fold-encoding.ts). */
declare function btoa(data: string): string;
declare function atob(data: string): string;

/** UTF-16 code units as text (the folding rules' Unicode classes, fold-rules.ts; build time). */
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
