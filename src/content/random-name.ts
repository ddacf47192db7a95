// Names made up at random, for what Hashiya must put where a page can see it (the card's element,
// the highlights): a page cannot look for a name it cannot know.

/** `length` lowercase letters, at random (4.7 bits each). */
export function randomLetters(length: number): string {
  return String.fromCharCode(...crypto.getRandomValues(new Uint8Array(length)).map((n) => 97 + (n % 26)));
}
