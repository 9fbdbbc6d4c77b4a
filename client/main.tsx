import { DISPLAY_PATH } from '../shared/display/screen';
import { currentPath } from './entryPath';
import { detectLang } from './i18n';

/*
 * Three entries behind one index.html: a meeting-room screen loads only the display (its page, its
 * strings in its own language, no zod, none of the signed-in app); everyone else loads the app.
 * Measured by `npm run bench:display` (docs/performance.md).
 */
if (currentPath() !== DISPLAY_PATH) void import('./appMain');
else if (detectLang(window.location.search) === 'en') void import('./displayEn');
else void import('./displayVi');
