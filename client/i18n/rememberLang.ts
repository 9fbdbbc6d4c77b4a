import { LANGS } from '.';

/** Where the signed-in app keeps the language a person chose (this browser, every page). */
const LANG_KEY = 'termboard.lang';

/**
 * The language chosen with the frame's switch (components/LangSwitch.tsx) stays chosen: a
 * `?lang=` in the address is remembered, and an address without one gets the remembered one
 * before anything reads it (mount.tsx, the router, the links that keep `lang`). Imported first by
 * appMain.tsx for that reason; the meeting-room screen takes its language from its address only.
 */
function rememberLang(): void {
  const url = new URL(window.location.href);
  const asked = url.searchParams.get('lang');
  try {
    if (asked !== null && (LANGS as readonly string[]).includes(asked)) {
      localStorage.setItem(LANG_KEY, asked);
      return;
    }
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === null || saved === 'vi' || !(LANGS as readonly string[]).includes(saved)) return;
    url.searchParams.set('lang', saved);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  } catch {
    // Storage refused (a private window's policy): the address alone says the language.
  }
}

rememberLang();
