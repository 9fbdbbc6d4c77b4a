import { addCatalog } from '.';

let loading: Promise<void> | null = null;

/**
 * The pages' strings (i18n/sections), loaded once, before the first page that needs them renders:
 * the router awaits them beside the page's own chunk (app/router.tsx).
 */
export function loadPageStrings(): Promise<void> {
  loading ??= import('./sections').then(({ pagesVi, pagesEn }) => {
    addCatalog('vi', pagesVi);
    addCatalog('en', pagesEn);
  });
  return loading;
}
