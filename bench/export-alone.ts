/** `npm run bench:export`: the weekly export's figures (bench/export.ts) without the board's. */
import { benchExport } from './export';

for (const line of await benchExport()) console.log(line);
