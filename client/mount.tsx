import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLang, setCatalogs, t, type Lang } from './i18n';
import './styles.css';

/** Starts an entry: its strings, the page's language and title, then what it renders into #root. */
export function mount(catalogs: Record<Lang, object>, render: (lang: Lang) => ReactNode): void {
  setCatalogs(catalogs);
  const lang = detectLang(window.location.search);
  document.documentElement.lang = lang;
  document.title = t(lang, 'app.title');
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(<StrictMode>{render(lang)}</StrictMode>);
}
