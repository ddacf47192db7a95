import { describe, expect, it } from 'vitest';
import { frameSites, ownSite } from './frame-site';

describe('frame sites', () => {
  it("are a document's own host, or its creator's for about:blank, srcdoc and blob: documents", () => {
    expect(ownSite('news.example', 'https://news.example')).toBe('news.example');
    expect(ownSite('', 'https://news.example')).toBe('news.example'); // about:blank, srcdoc, blob:
    expect(ownSite('', 'null')).toBe(''); // a sandboxed frame
  });

  it("are, in a frame, its own and its tab page's, which the background tells", async () => {
    const top = () => Promise.resolve('news.example');
    expect(await frameSites(true, 'news.example', 'https://news.example', top)).toEqual(['news.example']);
    expect(await frameSites(false, 'ads.example', 'https://ads.example', top)).toEqual(['ads.example', 'news.example']);
    expect(await frameSites(false, '', 'https://news.example', top)).toEqual(['news.example', 'news.example']);
    expect(await frameSites(false, '', 'null', () => Promise.reject(new Error('restarting')))).toEqual([]);
  });
});
