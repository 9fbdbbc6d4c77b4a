import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';

/*
 * A PDF read as a person would: its pages' sizes (pdf-lib), its text and its pages as pictures
 * (poppler-utils: pdftotext, pdftoppm; .ci/run installs them).
 */

/** A4 in points (ISO 216: 210 × 297 mm). */
export const A4_POINTS = { short: 595.28, long: 841.89 };

/** Each page's width and height in points. */
export async function pageSizes(pdf: Buffer): Promise<Array<{ width: number; height: number }>> {
  return (await PDFDocument.load(pdf)).getPages().map((page) => page.getSize());
}

function withFile<T>(pdf: Buffer, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'termboard-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text (pdftotext), whitespace runs made one space: a sentence wrapped over lines reads whole. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
}

/** Every page drawn to a PNG at `dpi` (pdftoppm), in page order. */
export function pdfPages(pdf: Buffer, dpi = 30): PNG[] {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort()
      .map((name) => PNG.sync.read(readFileSync(join(dir, name))));
  });
}

/** Mean and standard deviation of the pixels' luminance (0–255): light pages have a high mean; blank ones a spread near 0. */
export function luminance(png: PNG): { mean: number; spread: number } {
  let sum = 0;
  let sumSq = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const y = 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!;
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  return { mean, spread: Math.sqrt(sumSq / n - mean * mean) };
}

/** The mean absolute difference of two pictures of one size, per channel (0–255). */
export function pixelDifference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let i = 0; i < a.data.length; i++) total += Math.abs(a.data[i]! - b.data[i]!);
  return total / a.data.length;
}
