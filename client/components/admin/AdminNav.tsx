import type { MouseEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { SCREENS_PATH } from '../../pages/ScreensPage';
import { hrefTo, navigate } from '../../router';
import { AUDIT_PATH, TOKENS_PATH, USERS_PATH } from './paths';

const PAGES: ReadonlyArray<{ path: string; label: MessageKey }> = [
  { path: USERS_PATH, label: 'admin.nav.users' },
  { path: TOKENS_PATH, label: 'admin.nav.tokens' },
  { path: AUDIT_PATH, label: 'admin.nav.audit' },
  { path: SCREENS_PATH, label: 'admin.nav.screens' },
];

/** A link that moves within the app without a reload (a modified click still opens a tab). */
function onInternalClick(event: MouseEvent<HTMLAnchorElement>, path: string) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}

export function BackToBoard() {
  const t = useT();
  return (
    <a className="button button-quiet" href={hrefTo('/')} onClick={(event) => onInternalClick(event, '/')}>
      {t('common.backToBoard')}
    </a>
  );
}

/** The admin pages, one link each; the current one is marked for screen readers too. */
export function AdminNav({ current }: { current: string }) {
  const t = useT();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {PAGES.map((page) => (
          <li key={page.path}>
            <a
              href={hrefTo(page.path)}
              aria-current={page.path === current ? 'page' : undefined}
              onClick={(event) => onInternalClick(event, page.path)}
            >
              {t(page.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
