// First: an address without ?lang= gets the remembered language before anything reads it.
import './i18n/rememberLang';
import { App } from './App';
import { detectLang } from './i18n';
import { frameVi } from './i18n/sections/frame';
import { vi } from './i18n/vi';
import { mount } from './mount';

/*
 * The signed-in app's strings on its first route: the screen's catalog and the frame's (navigation,
 * session), in Vietnamese, the default and the fallback; English is fetched only when asked for
 * (?lang=en). The pages' own strings come with their routes (i18n/appStrings.ts).
 */
function start(en: object): void {
  mount({ vi: { ...vi, ...frameVi }, en }, (lang) => <App lang={lang} />);
}

if (detectLang(window.location.search) === 'en') void import('./i18n/appEn').then(({ appEn }) => start(appEn));
else start({});
