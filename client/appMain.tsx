import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectLang, setCatalogs, t } from './i18n';
import { enAll, viAll } from './i18n/catalogs';
import './styles.css';

setCatalogs({ vi: viAll, en: enAll });
const lang = detectLang(window.location.search);
document.documentElement.lang = lang;
document.title = t(lang, 'app.title');

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App lang={lang} />
  </StrictMode>,
);
