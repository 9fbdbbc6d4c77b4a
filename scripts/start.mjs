// `npm start`: builds what is stale (scripts/build-if-needed.mjs), then runs the built server in
// this same process (one Node start, not two: a second on a busy machine).
import { buildIfNeeded } from './build-if-needed.mjs';

await buildIfNeeded();
process.setSourceMapsEnabled(true);
await import('../dist/server/index.js');
