import { LANGS, useLang, useT, type Lang } from '../i18n';

/** Each language by its own name, the same in either catalog. */
const NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

/** This page in `lang`: the address with `?lang=` set (i18n/rememberLang.ts keeps the choice). */
function hrefIn(lang: Lang): string {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', lang);
  return url.pathname + url.search + url.hash;
}

/**
 * Tiếng Việt / English in the signed-in frame. Plain links, each loading the page again in its
 * language: English is fetched at start only when asked for (appMain.tsx).
 */
export function LangSwitch() {
  const t = useT();
  const current = useLang();
  return (
    <ul className="app-nav-list lang-switch" aria-label={t('nav.language')}>
      {LANGS.map((lang) => (
        <li key={lang}>
          {lang === current ? (
            <span className="app-nav-link" aria-current="true" lang={lang}>
              {NAMES[lang]}
            </span>
          ) : (
            <a className="app-nav-link" href={hrefIn(lang)} lang={lang} hrefLang={lang}>
              {NAMES[lang]}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
