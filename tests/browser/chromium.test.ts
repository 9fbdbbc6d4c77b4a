import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../server/browser/chromium';

describe('findChromium', () => {
  it('refuses a CHROMIUM_PATH that is not an executable', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(/CHROMIUM_PATH/);
  });

  it('falls back to the Chromium inside @sparticuz/chromium, which renders Vietnamese', async () => {
    const found = await findChromium({}, []);
    expect(found.source).toBe('bundled');
    const browser = await chromium.launch({ executablePath: found.executablePath, args: found.args });
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>Chuyển đổi số</h1>');
      expect(await page.textContent('h1')).toBe('Chuyển đổi số');
      // Two contexts opened and closed in turn: the bundled flags must allow it.
      const other = await browser.newContext();
      await (await other.newPage()).setContent('<p>ok</p>');
      await other.close();
      expect(await page.textContent('h1')).toBe('Chuyển đổi số');
    } finally {
      await browser.close();
    }
  });
});
