import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { tooManyColumns, tooManyRows, UnreadableFile, type TableLimits } from './unreadable-file';

/** Parts of a workbook: a spreadsheet has a dozen or two; thousands are not a spreadsheet. */
export const MAX_ARCHIVE_ENTRIES = 1000;
/**
 * Bytes a workbook may unpack to. A sheet of 50,000 rows of our columns unpacks to about 20 MB
 * (docs/performance.md); a zip bomb to gigabytes.
 */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** How much of a sheet is read for its `<dimension>`: it comes right after the sheet's properties. */
const DIMENSION_WINDOW = 16 * 1024;

const unreadable = () => new UnreadableFile('unreadable', 'the file is not a readable XLSX workbook');
const tooLarge = () => new UnreadableFile('too_large_unpacked', `the workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);

/**
 * Checks an XLSX archive before anything parses it: the number of entries and the unpacked size
 * from the central directory; with `inflate`, every entry is then inflated and counted — yauzl refuses an entry that unpacks to
 * more than it declares, so a lying header is caught too — and each worksheet's declared
 * dimensions read from its first bytes. Cost: one pass of inflation, bounded by the cap.
 */
export async function checkWorkbookArchive(content: Buffer, options: { inflate: boolean; limits: TableLimits }): Promise<void> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, file) => (error || !file ? reject(unreadable()) : resolve(file))),
  );
  if (zip.entryCount > MAX_ARCHIVE_ENTRIES) {
    zip.close();
    throw new UnreadableFile('too_complex', `a workbook has at most ${MAX_ARCHIVE_ENTRIES} parts`);
  }
  let unpacked = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(unreadable()));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        unpacked += entry.uncompressedSize;
        if (unpacked > MAX_UNPACKED_BYTES) return reject(tooLarge());
        if (!options.inflate || entry.fileName.endsWith('/')) return zip.readEntry();
        inflateEntry(zip, entry, /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName) ? options.limits : undefined).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** Inflates one entry to the end (counting nothing: yauzl checks the declared size), checking a sheet's dimensions on the way. */
function inflateEntry(zip: ZipFile, entry: Entry, sheetLimits: TableLimits | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(unreadable());
      let head = sheetLimits ? '' : undefined;
      stream.on('data', (chunk: Buffer) => {
        if (head === undefined) return;
        head += chunk.toString('latin1');
        try {
          if (checkDimension(head, sheetLimits!) || head.length >= DIMENSION_WINDOW) head = undefined;
        } catch (refused) {
          stream.destroy();
          reject(refused);
        }
      });
      stream.on('error', (streamError: Error) => reject(/too many bytes/i.test(streamError.message) ? tooLarge() : unreadable()));
      stream.on('end', () => resolve());
    });
  });
}

/** True once the sheet's `<dimension ref="A1:G120">` has been read (and found within the caps). */
function checkDimension(head: string, limits: TableLimits): boolean {
  const match = /<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"/.exec(head);
  if (!match) return false;
  const lastColumn = match[3] ?? match[1];
  const lastRow = match[4] ?? match[2];
  if (lastColumn && columnNumber(lastColumn) > limits.maxColumns) throw tooManyColumns(limits);
  if (lastRow && Number(lastRow) > limits.maxRows + 1) throw tooManyRows(limits);
  return true;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}
