import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// The interface's messages of one locale, as the browser's i18n.getMessage gives them.
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locale: { messages: Messages } = vi.hoisted(() => ({ messages: {} }));
vi.hoisted(() => {
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {},
    i18n: {
      getMessage(key: string, substitutions?: string | string[]) {
        const entry = locale.messages[key];
        if (!entry) return '';
        const subs = ([] as string[]).concat(substitutions ?? []);
        return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
          const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
          return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
        });
      },
    },
  };
});
const { announcementFor, groupDigits } = await import('./announcement');
const useLocale = (lang: 'en' | 'ar') => (locale.messages = JSON.parse(readFileSync(new URL(`../_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages);

describe('announcementFor', () => {
  it('tells the count and the shortcut in the interface language, with its direction', () => {
    useLocale('en');
    expect(announcementFor(1234, 'Alt+Shift+Period')).toEqual({
      text: 'Names from the story on this page, marked by Hashiya: 1,234. Next name: Alt+Shift+Period.',
      lang: 'en',
      dir: 'ltr',
    });
    useLocale('ar');
    expect(announcementFor(7, 'Alt+Shift+Period')).toEqual({ text: 'أسماء من القصة في هذه الصفحة ميّزتها حاشية: 7. الاسم التالي: Alt+Shift+Period.', lang: 'ar', dir: 'rtl' });
  });

  it('says no shortcut when the reader has taken its keys away', () => {
    useLocale('en');
    expect(announcementFor(3, '').text).toBe('Names from the story on this page, marked by Hashiya: 3.');
  });
});

describe('groupDigits', () => {
  it('writes a count as Chromium and Firefox write it for en and ar', () => {
    // (n).toLocaleString('en') and (n).toLocaleString('ar') in Chromium 156 and Firefox 153 alike.
    for (const [n, written] of [[0, '0'], [7, '7'], [12, '12'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567']] as const) expect(groupDigits(n)).toBe(written);
  });

  it('groups every count by threes and keeps its digits', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const written = groupDigits(n);
        const groups = written.split(',');
        return groups.join('') === String(n) && groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
      }),
    );
  });
});
