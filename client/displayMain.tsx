import { LangContext, type Lang } from './i18n';
import { mount } from './mount';
import { DisplayPage } from './pages/DisplayPage';

/**
 * Starts a screen with its strings only (none of the signed-in app's sections), and only in its own
 * language (displayVi.tsx, displayEn.tsx): a Vietnamese screen downloads no English strings and the
 * other way round. Each catalog has every key (`satisfies Messages`): no fallback is needed.
 */
export function startDisplay(lang: Lang, strings: object): void {
  const catalogs: Record<Lang, object> = { vi: {}, en: {} };
  catalogs[lang] = strings;
  mount(catalogs, (shown) => (
    <LangContext.Provider value={shown}>
      <DisplayPage />
    </LangContext.Provider>
  ));
}
