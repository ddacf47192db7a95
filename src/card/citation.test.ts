import { describe, expect, it } from 'vitest';
import { formatDate } from './card-text';
import { escapeHtml, quoteClip, summaryClip, type CitedArticle } from './citation';

const article: CitedArticle = { title: { ar: 'الشرع في موسكو', en: 'Al-Sharaa in Moscow' }, date: '2025-10-15' };
const withAddress: CitedArticle = { ...article, outlet: { ar: 'سانا', en: 'SANA' }, url: 'https://example.org/a?b=1&c=2' };
const EN = { source: 'Source' };
/** The article's date as the card writes it in Arabic (month names of the Levant). */
const AR_DATE = formatDate({ value: '2025-10-15', precision: 'day' }, 'ar');
const AR = { source: 'المصدر' };

/** The text a browser shows of `html`, and the elements in it, without a DOM. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z]+)[\s>]/g)].map((m) => m[1]!);
}

describe('copy with citation', () => {
  it('cites an English summary by title and date, with no address where the pack has none', () => {
    const clip = summaryClip([{ lang: 'en', text: 'President of Syria.' }], article, 'en', EN);
    expect(clip.plain).toBe('President of Syria.\n\nSource: “Al-Sharaa in Moscow”, 15 October 2025.');
    expect(clip.html).toBe('<blockquote><p lang="en" dir="ltr">President of Syria.</p></blockquote><p lang="en" dir="ltr">Source: <cite>Al-Sharaa in Moscow</cite>, 15 October 2025.</p>');
    expect(clip.html).not.toContain('<a ');
  });

  it('cites in Arabic with Arabic punctuation, the outlet and the address as a link', () => {
    const clip = summaryClip([{ lang: 'ar', text: 'رئيس سورية.' }, { lang: 'en', text: 'President of Syria.' }], withAddress, 'ar', AR);
    expect(clip.plain).toBe(`رئيس سورية.\nPresident of Syria.\n\nالمصدر: «الشرع في موسكو»، سانا، ${AR_DATE}. https://example.org/a?b=1&c=2`);
    expect(clip.html).toContain('<p lang="ar" dir="rtl">رئيس سورية.</p><p lang="en" dir="ltr">President of Syria.</p>');
    expect(clip.html).toContain(`<p lang="ar" dir="rtl">المصدر: <cite>الشرع في موسكو</cite>، سانا، ${AR_DATE}. <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a></p>`);
  });

  it('copies a quote with its translation, speaker and date, then the citation', () => {
    const quote = { original: { lang: 'ar', text: 'نحترم الاتفاقات' }, translation: { lang: 'en', text: 'We respect the agreements' }, speaker: 'Ahmed al-Sharaa', date: '15 October 2025' } as const;
    const clip = quoteClip(quote, withAddress, 'en', EN);
    expect(clip.plain).toBe('«نحترم الاتفاقات»\n“We respect the agreements”\n— Ahmed al-Sharaa, 15 October 2025\nSource: “Al-Sharaa in Moscow”, SANA, 15 October 2025. https://example.org/a?b=1&c=2');
    expect(tags(clip.html)).toEqual(['blockquote', 'p', 'p', 'p', 'p', 'cite', 'a']);
    expect(clip.html).toContain('<blockquote lang="ar" dir="rtl"><p>نحترم الاتفاقات</p></blockquote>');
    // Without a translation shown (an Arabic card): the words, who and when, the citation.
    const arabic = quoteClip({ ...quote, translation: undefined, speaker: 'أحمد الشرع', date: '15 أكتوبر 2025' }, article, 'ar', AR);
    expect(arabic.plain).toBe(`«نحترم الاتفاقات»\n— أحمد الشرع، 15 أكتوبر 2025\nالمصدر: «الشرع في موسكو»، ${AR_DATE}.`);
    expect(tags(arabic.html)).toEqual(['blockquote', 'p', 'p', 'p', 'cite']);
  });

  it('escapes every pack string in the HTML, and links only a web address', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const hostile: CitedArticle = { title: { ar: '<b>', en: '<img src=x onerror=alert(1)>' }, date: '2025-10-15', outlet: { ar: '&', en: '"Outlet"' }, url: 'javascript:alert(1)' };
    const quote = { original: { lang: 'en', text: '<script>x</script>' }, speaker: '<i>him</i>', date: '<u>' } as const;
    for (const clip of [summaryClip([{ lang: 'en', text: '</blockquote><script>' }], hostile, 'en', { source: '<s>' }), quoteClip(quote, hostile, 'en', EN)]) {
      expect(tags(clip.html).filter((t) => !['blockquote', 'p', 'cite'].includes(t))).toEqual([]);
      expect(clip.html).not.toContain('javascript:');
      expect(clip.plain).not.toContain('javascript:');
    }
    // The plain text is the strings as they are: it is never read as HTML.
    expect(quoteClip(quote, article, 'en', EN).plain).toContain('“<script>x</script>”\n— <i>him</i>, <u>');
  });
});
