import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLang, LangContext, setCatalogs, t } from './i18n';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { DisplayPage } from './pages/DisplayPage';
import './styles.css';

// A screen's strings only: none of the signed-in app's sections.
setCatalogs({ vi, en });
const lang = detectLang(window.location.search);
document.documentElement.lang = lang;
document.title = t(lang, 'app.title');

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <LangContext.Provider value={lang}>
      <DisplayPage />
    </LangContext.Provider>
  </StrictMode>,
);
