import { DISPLAY_PATH } from '../shared/display/screen';
import { currentPath } from './router';

/*
 * Two entries behind one index.html: a meeting-room screen loads only the display (its page, its
 * strings, no zod, none of the signed-in app); everyone else loads the app. Measured by
 * `npm run bench:display` (docs/performance.md).
 */
if (currentPath() === DISPLAY_PATH) void import('./displayMain');
else void import('./appMain');
