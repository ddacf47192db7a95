import browser from 'webextension-polyfill';
import type { TabState } from '../messages';
import { isActiveOn, type Settings } from '../settings/settings';

// The toolbar button of one tab: how many story entities the tab holds, or "off" with the off
// icon when Hashiya is switched off globally or for the tab's site.

const icons = (name: string) =>
  Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icons/${name}-${size}.png`])) as Record<string, string>;
const ON_ICONS = icons('hashiya');
const OFF_ICONS = icons('hashiya-off');

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : null;
  } catch {
    return null;
  }
}

/** Shows on `state.tabId`'s button its entity count, or "off" when Hashiya is off there. */
export async function showBadge(state: TabState, settings: Settings, url: string | undefined): Promise<void> {
  const host = hostOf(url);
  const off = !settings.enabled || (host !== null && !isActiveOn(settings, host));
  const entities = Object.keys(state.counts).length;
  const text = off ? browser.i18n.getMessage('badgeOff') : entities > 0 ? String(entities) : '';
  const tabId = state.tabId;
  // A tab closed in the meantime makes these calls fail: nothing is left to show then.
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setIcon({ tabId, path: off ? OFF_ICONS : ON_ICONS }),
    browser.action.setBadgeBackgroundColor({ tabId, color: off ? '#6b7780' : '#0f5d73' }),
  ]).catch(() => undefined);
}
