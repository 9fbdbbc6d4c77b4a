import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';

/** One part of a hand-made archive: its name, and its content as a count of repeats of a chunk. */
export interface ZipPart {
  name: string;
  /** Before the repeats, and after them. */
  prefix?: string;
  suffix?: string;
  chunk: string;
  repeat?: number;
  /** The unpacked size the archive claims (a lying header); the true size when absent. */
  declaredSize?: number;
}

/**
 * A ZIP archive written by hand, so that a test can make what no spreadsheet program makes: a part
 * that unpacks to hundreds of megabytes (deflate packs repeats about 1000 to 1), or one whose header
 * lies about its size. Deflated in slices, so the unpacked content is never held whole.
 */
export function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { packed, size, crc } = deflateRepeated(part);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function deflateRepeated(part: ZipPart): { packed: Buffer; size: number; crc: number } {
  const one = Buffer.from(part.chunk, 'utf8');
  const repeat = part.repeat ?? 1;
  // Slices of about 8 MB, each deflated with a sync flush and the last one finished: one valid stream.
  const perSlice = Math.max(1, Math.floor((8 * 1024 * 1024) / one.length));
  const full = Buffer.concat(Array.from({ length: Math.min(perSlice, repeat) }, () => one));
  const slices: Buffer[] = [Buffer.from(part.prefix ?? '', 'utf8')];
  for (let left = repeat; left > 0; left -= perSlice) slices.push(full.subarray(0, Math.min(perSlice, left) * one.length));
  slices.push(Buffer.from(part.suffix ?? '', 'utf8'));
  const packed: Buffer[] = [];
  let crc = 0;
  let size = 0;
  slices.forEach((data, i) => {
    crc = crc32(data, crc);
    size += data.length;
    packed.push(deflateRawSync(data, i < slices.length - 1 ? { finishFlush: zlibConstants.Z_SYNC_FLUSH } : {}));
  });
  return { packed: Buffer.concat(packed), size, crc };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/**
 * An .xlsx whose one sheet is `rows` copies of a row of numbers: 1,000,000 rows unpack to about
 * 60 MB from some 60 KB. `dimension` is what the sheet declares; `declaredSize` makes the header lie.
 */
export function workbookBomb(options: { rows: number; dimension?: string; declaredSize?: number; row?: string }): Buffer {
  const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : '';
  return zipArchive([
    { name: '[Content_Types].xml', chunk: CONTENT_TYPES },
    { name: '_rels/.rels', chunk: ROOT_RELS },
    { name: 'xl/workbook.xml', chunk: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', chunk: WORKBOOK_RELS },
    {
      name: 'xl/worksheets/sheet1.xml',
      prefix: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>`,
      chunk: options.row ?? '<row><c t="inlineStr"><is><t>XDD-01</t></is></c><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>',
      repeat: options.rows,
      suffix: '</sheetData></worksheet>',
      ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
    },
  ]);
}
