import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

/** The least text size on a page, and the least size of a value (`[data-value]`), in CSS px. */
export interface TextRule {
  minText: number;
  minValue: number;
}

/**
 * Visible text smaller than the rule allows: every element (SVG text too) with text of its own
 * that is drawn (visible, not visually hidden, with a size); `[data-value]` against the value's
 * size. Answers `"<text>" <size>px` for each.
 */
export function smallText(page: Page, rule: TextRule): Promise<string[]> {
  return page.evaluate(({ minText, minValue }) => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      const isValue = element.hasAttribute('data-value');
      if (!ownText && !isValue) continue;
      const box = element.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) continue;
      // Off the page (Recharts measures text in a span far above it): not seen.
      const top = box.top + window.scrollY;
      const left = box.left + window.scrollX;
      if (top + box.height <= 0 || left + box.width <= 0 || top >= document.documentElement.scrollHeight || left >= document.documentElement.scrollWidth) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const style = getComputedStyle(element);
      // Visually hidden (still read out): `clip-path: inset(50%)` on a 1 px box.
      if (style.clipPath.startsWith('inset(50%')) continue;
      const size = parseFloat(style.fontSize);
      const least = isValue ? minValue : minText;
      if (size < least) found.push(`"${element.textContent!.trim().slice(0, 40)}" ${size.toFixed(1)}px < ${least.toFixed(1)}px`);
    }
    return found;
  }, rule);
}

const TARGETS =
  'h1, h2, h3, h4, [data-value], .dcard-name, .prow-name, .card-name, .plist-heading, .display-office, .display-term, .badge-text, .export-office, .export-term';

/**
 * Headings, names and values whose pixels change when nothing may clip them: the page is drawn
 * as it is, then again with `overflow` visible and no line clamp anywhere, and each text's box
 * (widened by the room its marks need above and below) is compared. A mark cut off by its box
 * (Ể drawn as Ế) shows as a difference. Answers the texts that differ.
 */
export async function clippedText(page: Page): Promise<string[]> {
  const boxes = await page.evaluate((selector) => {
    const out: Array<{ text: string; x: number; y: number; width: number; height: number }> = [];
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width < 2 || box.height < 2 || !element.checkVisibility({ visibilityProperty: true })) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      const x = Math.max(0, box.left + window.scrollX - size * 0.2);
      const y = Math.max(0, box.top + window.scrollY - size * 0.6);
      out.push({
        text: element.textContent!.trim().slice(0, 60),
        x: Math.floor(x),
        y: Math.floor(y),
        width: Math.ceil(Math.min(document.documentElement.scrollWidth - x, box.width + size * 0.4)),
        height: Math.ceil(box.height + size * 1.0),
      });
    }
    return out;
  }, TARGETS);
  const before = PNG.sync.read(await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }));
  // A constructed stylesheet: the page's Content Security Policy refuses inline <style>.
  await page.evaluate(async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '*, *::before, *::after { overflow: visible !important; text-overflow: clip !important; -webkit-line-clamp: unset !important; line-clamp: none !important; }' +
        // A chart's drawing stays within its own box: that is not text.
        ' svg { overflow: hidden !important; }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const after = PNG.sync.read(await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }));
  await page.evaluate(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1);
  });
  if (before.width !== after.width || before.height !== after.height) return [`the page changed size: ${before.width}×${before.height} → ${after.width}×${after.height}`];
  const clipped: string[] = [];
  for (const box of boxes) {
    let differing = 0;
    for (let y = box.y; y < Math.min(before.height, box.y + box.height); y++) {
      for (let x = box.x; x < Math.min(before.width, box.x + box.width); x++) {
        const i = (y * before.width + x) * 4;
        const delta = Math.abs(before.data[i]! - after.data[i]!) + Math.abs(before.data[i + 1]! - after.data[i + 1]!) + Math.abs(before.data[i + 2]! - after.data[i + 2]!);
        if (delta > 24) differing++;
      }
    }
    if (differing > 0) clipped.push(`"${box.text}": ${differing} px differ`);
  }
  return clipped;
}
