/*
 * Be Vietnam Pro, self-hosted from @fontsource (bundled by Vite, never fetched from the internet).
 * Each weight needs both subsets: `latin` carries the base letters and most accented vowels,
 * `vietnamese` the rest of the diacritics (ả, ơ, ư, đ, ệ ...). Only the weights the screen uses.
 */
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/latin-500.css';
import '@fontsource/be-vietnam-pro/vietnamese-500.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
