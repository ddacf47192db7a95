import browser from 'webextension-polyfill';
import { ask } from '../ext';
import type { GetEntityMessage, GetTabStateMessage } from '../messages';
import type { EntityRow } from './Popup';

// What the popup shows, asked of the browser and the background.

/** The tab the popup is about: `?tab=<id>` (an extension page opened in a tab, as in tests), else the active tab. */
export async function targetTab(): Promise<{ id: number; host: string | null } | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const tab = Number.isSafeInteger(param) && param > 0
    ? await browser.tabs.get(param)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  let host: string | null = null;
  try {
    const url = new URL(tab.url ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') host = url.hostname;
  } catch {
    // no URL: a tab Hashiya may not read
  }
  return { id: tab.id, host };
}

/** The entities the background knows for tab `tabId`, named in `lang`, most mentioned first. */
export async function entitiesOf(tabId: number, lang: string): Promise<EntityRow[]> {
  const message: GetTabStateMessage = { type: 'get-tab-state', tabId };
  const state = await ask(message);
  const rows = await Promise.all(
    Object.entries(state.counts).map(async ([id, count]) => {
      const request: GetEntityMessage = { type: 'get-entity', id };
      const data = await ask(request);
      if (!data) return null;
      const name = lang === 'ar' ? data.entity.name.ar : data.entity.name.en;
      return { id, type: data.entity.type, name, count };
    }),
  );
  return rows.filter((r): r is EntityRow => r !== null).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
