// The parsing worker's entry. The server runs TypeScript through tsx, but a worker started from a
// test runner (vitest) does not inherit a loader: register tsx here, then load the worker proper.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
