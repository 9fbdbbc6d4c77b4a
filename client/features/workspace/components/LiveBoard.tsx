import { useEffect, type ReactNode } from 'react';
import type { Board } from '../../../../shared/api/board';
import { formatDateTime } from '../../../format';
import { useBoard } from '../../../hooks/useBoard';
import { useLang, useT } from '../../../i18n';
import { goToLogin } from '../../../navigation';

interface Props {
  /** The page's path, to come back to after logging in again. */
  path: string;
  children: (board: Board) => ReactNode;
}

/**
 * The live board for a workspace page: the same socket feed as the screens, so a reading saved
 * here, by a colleague or by another system shows at once. Says so when the connection is lost.
 */
export function LiveBoard({ path, children }: Props) {
  const t = useT();
  const lang = useLang();
  const { state } = useBoard(null);

  const expired = state.kind === 'unauthenticated';
  useEffect(() => {
    if (expired) goToLogin(path);
  }, [expired, path]);

  if (state.kind !== 'ready') {
    return (
      <p className="notice" aria-busy="true">
        {t('common.loading')}
      </p>
    );
  }
  return (
    <>
      {state.connection === 'offline' && state.offlineSince !== null && (
        <p className="notice notice-error" role="alert">
          {t('board.offline', { time: formatDateTime(new Date(state.offlineSince).toISOString(), state.board.timeZone, lang) })}
        </p>
      )}
      {state.board.term.closed && (
        <p className="notice ws-closed" role="status">
          {t('workspace.termClosed', { name: state.board.term.name })}
        </p>
      )}
      {children(state.board)}
    </>
  );
}
