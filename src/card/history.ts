import type { CardData } from '../data/card-data';

// The card's Back history: the entities shown since the card opened on a mention, the current one
// last. Following a related entity pushes, Back pops; a new mention starts afresh.

export class CardHistory {
  #entries: readonly CardData[] = [];

  /** The entity shown now. */
  get current(): CardData | undefined {
    return this.#entries[this.#entries.length - 1];
  }

  /** Whether Back has somewhere to go. */
  get canGoBack(): boolean {
    return this.#entries.length > 1;
  }

  /** A new history that holds `data` only. */
  start(data: CardData): void {
    this.#entries = [data];
  }

  /** A related entity followed: it is shown now. */
  push(data: CardData): void {
    this.#entries = [...this.#entries, data];
  }

  /** Back: drops the current entity; answers its id, or null when there was nothing to go back to. */
  back(): string | null {
    if (this.#entries.length < 2) return null;
    const from = this.#entries[this.#entries.length - 1]!.entity.id;
    this.#entries = this.#entries.slice(0, -1);
    return from;
  }

  clear(): void {
    this.#entries = [];
  }
}
