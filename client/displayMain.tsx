import { LangContext } from './i18n';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { mount } from './mount';
import { DisplayPage } from './pages/DisplayPage';

// A screen's strings only: none of the signed-in app's sections.
mount({ vi, en }, (lang) => (
  <LangContext.Provider value={lang}>
    <DisplayPage />
  </LangContext.Provider>
));
