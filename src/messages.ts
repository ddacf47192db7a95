// Every message between Hashiya's contexts, in one place, checked on arrival. A page can never
// reach the background, but a compromised frame can send anything: shapes are checked here and
// anything unexpected is refused, never trusted. Each request's reply is typed once, in Replies.

import type { CardData } from './data/card-data';
import type { EncodedTables } from './match/table-encoding';

/** Sent by a frame's content script: the story entities found in that frame (id → mentions). */
export interface FrameEntitiesMessage {
  readonly type: 'frame-entities';
  /** Which document of the frame reports (made up by it): a late report of a document that is gone clears nothing of its successor's. */
  readonly document: string;
  readonly counts: Readonly<Record<string, number>>;
}

/** Sent by an extension page: what the background knows about a tab. */
export interface GetTabStateMessage {
  readonly type: 'get-tab-state';
  readonly tabId: number;
}

/** Sent by a content script or an extension page: the card data of one entity. */
export interface GetEntityMessage {
  readonly type: 'get-entity';
  readonly id: string;
}

/** Sent by an extension page: run what the `toggle-hashiya` command runs (answers the new on/off).
 * Headless browsers do not deliver a command's keys, so tests drive the same handler this way. */
export interface ToggleHashiyaMessage {
  readonly type: 'toggle-hashiya';
}

/**
 * Sent by a card's "read the article": open the reader page in a new tab beside the sender's. The
 * card holds no address of the extension's, so the page it is on can learn none.
 */
export interface OpenReaderMessage {
  readonly type: 'open-reader';
  /** The pack whose article to open (the entity's story); the bundled one when absent. */
  readonly pack?: string;
}

/**
 * Sent by a card (its "Copy with citation"): put `plain` and `html` on the clipboard. The
 * background writes them in a document of its own (Chrome's offscreen document, Firefox's event
 * page), never in the page's: there a copy would be a `copy` event the page could listen to, and
 * on an http:// page a content script has no navigator.clipboard. Answered whether it was written.
 */
export interface CopyTextMessage {
  readonly type: 'copy-text';
  readonly plain: string;
  readonly html: string;
}

/**
 * Sent by a content script: style this frame's highlights, named `names` (HIGHLIGHT_KEYS' order).
 * The background adds the rules as an extension stylesheet, which the page cannot read (a sheet
 * the content script added itself would be in document.styleSheets or adoptedStyleSheets).
 */
export interface StyleHighlightsMessage {
  readonly type: 'style-highlights';
  readonly names: readonly string[];
}

/** Sent by a frame's content script: the host of its tab's page ('' when unknown). */
export interface GetTopSiteMessage {
  readonly type: 'get-top-site';
}

/**
 * Sent by a frame's content script (the loader) once Hashiya is on there and the frame has text to
 * read: inject the engine (engine.js) into this frame, in the content script's world.
 */
export interface LoadEngineMessage {
  readonly type: 'load-engine';
  /**
   * The frame's text, block by block as the engine reads it (content/text-collector.ts
   * frameBlocks): the background injects the engine only if the engine would mark a name of the
   * enabled packs there, the story's rules applied. Most pages and frames (advertisements) hold
   * none, and then pay nothing for the engine.
   */
  readonly blocks?: readonly string[];
}

/**
 * The most text a frame sends with load-engine for the background to look in (characters); a
 * frame with more gets the engine at once, which reads it in slices. Gathered and sent in one task,
 * the 500 000 of wikipedia-2 made a task of 91 ms; guardian-1 has 77 000.
 */
export const MAX_FRAME_TEXT = 1 << 17;

/** Whether `value` is a frame's blocks: a list of strings of at most MAX_FRAME_TEXT characters in all. */
function isFrameBlocks(value: unknown): value is readonly string[] {
  if (!Array.isArray(value) || value.length > MAX_FRAME_TEXT) return false;
  let length = 0;
  for (const block of value as unknown[]) {
    if (typeof block !== 'string') return false;
    length += block.length;
  }
  return length <= MAX_FRAME_TEXT;
}

/**
 * Sent by the engine as it starts: the bundled pack's matcher as the build encoded it, but for the
 * rules and ligatures, which the engine carries as literals made only when first read (the
 * background holds the tables; the engine's code does not carry them).
 */
export interface GetMatchTablesMessage {
  readonly type: 'get-match-tables';
}

/** The reply to get-match-tables: the bundled pack's matcher (match/table-encoding.ts), but its rules and ligatures. */
export type MatchTables = Omit<EncodedTables, 'groups' | 'expansions'>;

export type BackgroundMessage =
  | FrameEntitiesMessage
  | GetTabStateMessage
  | GetEntityMessage
  | ToggleHashiyaMessage
  | OpenReaderMessage
  | CopyTextMessage
  | StyleHighlightsMessage
  | GetTopSiteMessage
  | LoadEngineMessage
  | GetMatchTablesMessage
  | StepMentionsMessage
  | GetNextShortcutMessage
  | GetAnnouncementMessage;

/** Sent by a content script: the keys of the next-mention command, as the browser has them now. */
export interface GetNextShortcutMessage {
  readonly type: 'get-next-shortcut';
}

/**
 * Sent by a top frame's content script once its first read has settled: the words that tell a
 * screen reader of the `count` names of the story on the page, and how to go to them.
 */
export interface GetAnnouncementMessage {
  readonly type: 'get-announcement';
  readonly count: number;
}

/** Words for a screen reader, in the interface's language and direction. */
export interface Announcement {
  readonly text: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

/**
 * Sent by Hashiya's own pages (the next/previous-mention shortcuts go through the same path): move
 * to the next (1) or previous (-1) mention on tab `tabId`, across its frames.
 */
export interface StepMentionsMessage {
  readonly type: 'step-mentions';
  readonly tabId: number;
  readonly direction: 1 | -1;
}

/** Sent to a tab's frames: scroll to the `index`-th mention of `entity` (counting from 0). */
export interface RevealMentionMessage {
  readonly type: 'reveal-mention';
  readonly entity: string;
  readonly index: number;
}


/** Sent to a tab's frame by an extension page: has the page as it is now been read and drawn
 * (true), or is a read under way, a change waiting, or Hashiya off there (false)? Tests wait on it. */
export interface GetPageReadMessage {
  readonly type: 'get-page-read';
}

/** Sent to a tab's frame by an extension page: the frame's highlight names, by key (mark-styles.ts).
 * Only Hashiya's own pages can ask; tests read the marks' styles with it. */
export interface GetHighlightNamesMessage {
  readonly type: 'get-highlight-names';
}

/**
 * Sent to one frame of a tab: show the next (1) or previous (-1) mention in document order, from
 * the one shown last (or, with none shown yet, from what is in view), or, `fromEdge`, the frame's
 * first (1) or last (-1). Answered false when the frame has no mention that way.
 */
export interface StepMentionMessage {
  readonly type: 'step-mention';
  readonly direction: 1 | -1;
  readonly fromEdge: boolean;
}

/** Sent to one frame of a tab: close its card (the shortcuts go on to a mention in another frame). */
export interface CloseCardMessage {
  readonly type: 'close-card';
}

export type ContentMessage = RevealMentionMessage | GetPageReadMessage | GetHighlightNamesMessage | StepMentionMessage | CloseCardMessage;

/** The background's answer to `get-tab-state`. */
export interface TabState {
  readonly tabId: number;
  readonly frames: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** What each request is answered with (`void`: nothing). */
export interface Replies {
  'frame-entities': void;
  'get-tab-state': TabState;
  'get-entity': CardData | null;
  /** The new on/off. */
  'toggle-hashiya': boolean;
  'open-reader': void;
  /** Whether both flavours were put on the clipboard. */
  'copy-text': boolean;
  /** Whether the rules were added (false: the content script adds them itself). */
  'style-highlights': boolean;
  'get-top-site': string;
  /** Whether a mention was shown: in the tab (step-mentions), in the frame (step-mention). */
  'step-mentions': boolean;
  'step-mention': boolean;
  'close-card': void;
  /** The keys ('' when the reader has taken them away). */
  'get-next-shortcut': string;
  'get-announcement': Announcement;
  /** Whether the engine was injected into the asking frame; 'no-names' when its text holds none to mark. */
  'load-engine': boolean | 'no-names';
  'get-match-tables': MatchTables;
  /** Whether this frame had the mention and revealed it. */
  'reveal-mention': boolean;
  /** Whether the frame's page is read: no read under way and no change waiting (for tests). */
  'get-page-read': boolean;
  /** Key → this document's name. */
  'get-highlight-names': Record<string, string>;
}

/** The reply to message `M`. */
export type ReplyTo<M extends { readonly type: keyof Replies }> = Replies[M['type']];

const ID = /^(?:[a-z0-9][a-z0-9-]{0,63}\/)?[a-z0-9][a-z0-9-]{0,63}$/;
/** A pack id. */
const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_ENTITIES = 10_000;
/** The longest text a card copies: a summary or a quote with its citation is far shorter. */
const MAX_COPY = 64 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCounts(value: unknown): value is Record<string, number> {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_ENTITIES &&
    entries.every(([id, n]) => ID.test(id) && Number.isSafeInteger(n) && (n as number) > 0)
  );
}

/** What a document's own token in its reports looks like (content/index.ts makes it). */
export const DOCUMENT_TOKEN = /^[a-z]{16}$/;

/** What a document's highlight names look like (content/highlight-names.ts makes them). */
export const HIGHLIGHT_NAME = /^[a-z]{12}$/;

/** Distinct highlight names, as many as there are highlights at most (mark-styles.ts HIGHLIGHT_KEYS). */
function isHighlightNames(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 64 && new Set(value).size === value.length && value.every((name) => typeof name === 'string' && HIGHLIGHT_NAME.test(name));
}

const isDirection = (value: unknown): value is 1 | -1 => value === 1 || value === -1;

/** Returns the message if it has the shape of a background message, otherwise null. */
export function parseBackgroundMessage(value: unknown): BackgroundMessage | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'frame-entities':
      return typeof value.document === 'string' && DOCUMENT_TOKEN.test(value.document) && isCounts(value.counts)
        ? { type: 'frame-entities', document: value.document, counts: value.counts }
        : null;
    case 'get-tab-state':
      return Number.isSafeInteger(value.tabId) ? { type: 'get-tab-state', tabId: value.tabId as number } : null;
    case 'get-entity':
      return typeof value.id === 'string' && ID.test(value.id) ? { type: 'get-entity', id: value.id } : null;
    case 'toggle-hashiya':
      return { type: 'toggle-hashiya' };
    case 'open-reader':
      if (value.pack === undefined) return { type: 'open-reader' };
      return typeof value.pack === 'string' && PACK_ID.test(value.pack) ? { type: 'open-reader', pack: value.pack } : null;
    case 'copy-text':
      return typeof value.plain === 'string' && typeof value.html === 'string' && value.plain.length <= MAX_COPY && value.html.length <= MAX_COPY
        ? { type: 'copy-text', plain: value.plain, html: value.html }
        : null;
    case 'get-top-site':
      return { type: 'get-top-site' };
    case 'load-engine':
      if (value.blocks === undefined) return { type: 'load-engine' };
      return isFrameBlocks(value.blocks) ? { type: 'load-engine', blocks: value.blocks } : null;
    case 'get-match-tables':
      return { type: 'get-match-tables' };
    case 'get-next-shortcut':
      return { type: 'get-next-shortcut' };
    case 'get-announcement':
      return Number.isSafeInteger(value.count) && (value.count as number) > 0 && (value.count as number) <= MAX_ENTITIES ? { type: 'get-announcement', count: value.count as number } : null;
    case 'step-mentions':
      return Number.isSafeInteger(value.tabId) && isDirection(value.direction) ? { type: 'step-mentions', tabId: value.tabId as number, direction: value.direction } : null;
    case 'style-highlights':
      return isHighlightNames(value.names) ? { type: 'style-highlights', names: value.names } : null;
    default:
      return null;
  }
}

/** Returns the message if it has the shape of a message to a content script, otherwise null. */
export function parseContentMessage(value: unknown): ContentMessage | null {
  if (!isRecord(value)) return null;
  if (value.type === 'get-page-read') return { type: 'get-page-read' };
  if (value.type === 'get-highlight-names') return { type: 'get-highlight-names' };
  if (value.type === 'close-card') return { type: 'close-card' };
  if (value.type === 'step-mention') {
    return isDirection(value.direction) && typeof value.fromEdge === 'boolean' ? { type: 'step-mention', direction: value.direction, fromEdge: value.fromEdge } : null;
  }
  if (value.type !== 'reveal-mention') return null;
  const { entity, index } = value;
  return typeof entity === 'string' && ID.test(entity) && Number.isSafeInteger(index) && (index as number) >= 0
    ? { type: 'reveal-mention', entity, index: index as number }
    : null;
}
