import { describe, expect, it, vi } from 'vitest';

// ext.ts picks its namespace when it loads; `chrome` stands in for the browser's own.
const chromeApi = { runtime: { id: 'hashiya' } };
vi.stubGlobal('chrome', chromeApi);
const { extensionNamespace } = await import('./ext');

describe('extensionNamespace', () => {
  it('takes `browser` where it is the extension API (Firefox, Chrome 148+)', () => {
    const browser = { runtime: { id: 'hashiya@example' } };
    expect(extensionNamespace({ browser, chrome: chromeApi })).toBe(browser);
  });

  it('takes `chrome` where there is no `browser` (Chrome before 148)', () => {
    expect(extensionNamespace({ chrome: chromeApi })).toBe(chromeApi);
  });

  it("is not fooled by a page's element named `browser` (named access on window)", () => {
    const element = { id: 'browser', tagName: 'HTML', runtime: undefined };
    expect(extensionNamespace({ browser: element, chrome: chromeApi })).toBe(chromeApi);
    expect(extensionNamespace({ browser: { runtime: { id: 42 } }, chrome: chromeApi })).toBe(chromeApi);
  });
});
