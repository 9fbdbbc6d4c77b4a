import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, overflow } from '../helpers/browser';
import { clippedText, smallText, type TextRule } from './display-checks';
import { displaySuite } from './display-suite';

/* The meeting-room screen read from the back of the room: text sizes, clipped marks, contrast, at each resolution, theme and language. */

const s = displaySuite();
const { newPage, linkWith, pageKeys, groupPageKeys, drawn } = s;

const RESOLUTIONS = [
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const;
/**
 * Every page is checked in both languages (their words differ in length) and in both themes. The
 * themes differ in colours only (client/styles/display/base.css: `.display-light` sets colour
 * variables and nothing that moves a glyph), so each language is paired with one theme: the
 * checks of size and clipping cover both of each at half the page loads of all four pairs.
 */
const LOOKS = [
  { theme: 'dark', lang: 'vi' },
  { theme: 'light', lang: 'en' },
] as const;

describe('readable across the room', () => {
  it('has themes that differ in colours only (what lets LOOKS pair each language with one theme)', () => {
    const client = join(import.meta.dirname, '..', '..', 'client');
    const css = ['styles.css', 'styles/display.css', ...readdirSync(join(client, 'styles', 'display')).map((f) => `styles/display/${f}`)]
      .map((file) => readFileSync(join(client, file), 'utf8'))
      .join('\n');
    const rules = [...css.matchAll(/\.display-(?:light|dark)\b[^{]*\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(rules.length).toBeGreaterThan(0);
    const properties = rules.flatMap((body) => [...body.matchAll(/([\w-]+)\s*:/g)].map((m) => m[1]!));
    // Colour variables and the colour scheme: nothing that sizes or moves a glyph.
    const other = properties.filter((name) => !/^--(bg|surface|border|text|track|marker|accent|flash|banner|day|achieved|on-track|at-risk|off-track|no-data|overdue)/.test(name) && name !== 'color-scheme');
    expect(other).toEqual([]);
  });

  it.each(RESOLUTIONS)('at %i×%i: no text under the least size and every value at least 48 px (scaled), on every page, both themes, both languages', async (width, height) => {
    const scale = height / 1080;
    const rule: TextRule = { minText: 24 * scale - 0.05, minValue: 48 * scale - 0.05 };
    const page = await newPage([width, height]);
    await page.goto(linkWith({ page: 'summary' }));
    await drawn(page, 'summary');
    const keys = await pageKeys(page);
    for (const { theme, lang } of LOOKS) {
      for (const key of keys) {
        await page.goto(linkWith({ page: key, theme, lang }));
        await drawn(page, key);
        const found = await smallText(page, rule);
        expect({ width, theme, lang, key, found }).toEqual({ width, theme, lang, key, found: [] });
        const size = await overflow(page);
        expect({ key, fits: size.scrollWidth <= size.innerWidth && size.scrollHeight <= size.innerHeight }).toEqual({ key, fits: true });
      }
    }
  }, 300_000);

  it('clips no glyph: every heading, name and value looks the same with clipping turned off, on the screens and the export, both themes and languages', async () => {
    const page = await newPage();
    await page.goto(linkWith({ page: 'summary' }));
    await drawn(page, 'summary');
    const keys = await pageKeys(page);
    const asOf = new Date().toISOString();
    for (const { theme, lang } of LOOKS) {
      for (const key of keys) {
        await page.goto(linkWith({ page: key, theme, lang }));
        await drawn(page, key);
        expect({ theme, lang, key, clipped: await clippedText(page) }).toEqual({ theme, lang, key, clipped: [] });
      }
    }
    for (const key of ['cover', ...keys]) {
      await page.goto(linkWith({ export: '1', page: key, asOf }));
      await page.locator('html[data-export="ready"]').waitFor({ timeout: 15_000 });
      expect({ export: key, clipped: await clippedText(page) }).toEqual({ export: key, clipped: [] });
    }
  }, 300_000);

  it('clips no glyph on the signed-in board', async () => {
    const page = await newPage();
    await s.signIn(page);
    await page.goto(`${s.server.url}/`);
    await page.locator('[data-indicator]').first().waitFor();
    // The navigation comes once the session is read, after the board (the page grows by it): a
    // busy machine measured the board before it and saw the page change size.
    await page.locator('a.ws-skip').waitFor({ state: 'attached' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await clippedText(page)).toEqual([]);
  });
});

describe('layout and accessibility', () => {
  it.each(['dark', 'light'])('has no serious accessibility violations in the %s theme', async (theme) => {
    const page = await newPage();
    for (const key of ['summary', ...groupPageKeys()]) {
      await page.goto(linkWith({ page: key, ...(theme === 'light' ? { theme } : {}) }));
      await drawn(page, key);
      const violations = await axeViolations(page);
      expect({ key, violations: violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`) }).toEqual({
        key,
        violations: [],
      });
    }
  });
});
