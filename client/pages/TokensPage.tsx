import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { ApiToken } from '../../shared/api/tokens';
import { getBoard } from '../api';
import { listApiTokens, listUnits, type CreatedApiToken } from '../api/admin';
import { AdminShell } from '../components/admin/AdminShell';
import { CreatedTokenNotice } from '../components/admin/CreatedTokenNotice';
import { CreateTokenForm } from '../components/admin/CreateTokenForm';
import { LoadError } from '../components/admin/LoadError';
import { TOKENS_PATH } from '../components/admin/paths';
import { TokensTable } from '../components/admin/TokensTable';
import { unitPaths, unitTree } from '../components/admin/unitTree';
import { useLoaded } from '../hooks/useLoaded';
import { useT } from '../i18n';
import '../styles/admin.css';

const loadBoard = (signal: AbortSignal) => getBoard({ signal });

/** The integration tokens, for an admin: list, create (the secret shown once), revoke. */
function TokensManager() {
  const t = useT();
  const listHeadingId = useId();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const tokens = useLoaded(listApiTokens);
  const units = useLoaded(listUnits);
  const board = useLoaded(loadBoard);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const tree = useMemo(() => unitTree(units.state.data ?? []), [units.state.data]);
  const paths = useMemo(() => unitPaths(tree), [tree]);
  const codes = useMemo(
    () => new Map((board.state.data?.indicators ?? []).map((indicator) => [indicator.id, indicator.code])),
    [board.state.data],
  );
  const reloadTokens = tokens.reload;

  const onCreated = useCallback(
    (token: CreatedApiToken) => {
      setCreated(token);
      reloadTokens();
    },
    [reloadTokens],
  );

  const onRevoked = useCallback(
    (token: ApiToken) => {
      setAnnouncement(t('admin.tokens.revoke.done', { name: token.name }));
      listHeading.current?.focus();
      reloadTokens();
    },
    [reloadTokens, t],
  );

  return (
    <>
      <section className="panel" aria-labelledby="tokens-create-heading">
        <h2 id="tokens-create-heading">{t('admin.tokens.create.heading')}</h2>
        {units.state.error && <LoadError error={units.state.error} message="admin.units.loadFailed" path={TOKENS_PATH} />}
        {board.state.error && <LoadError error={board.state.error} message="admin.tokens.boardFailed" path={TOKENS_PATH} />}
        <CreateTokenForm tree={tree} board={board.state.data} onCreated={onCreated} />
        {created && <CreatedTokenNotice created={created} board={board.state.data} onDismiss={() => setCreated(null)} />}
      </section>

      <section className="panel" aria-labelledby={listHeadingId}>
        <div className="panel-heading">
          <h2 id={listHeadingId} ref={listHeading} tabIndex={-1}>
            {t('admin.tokens.list.heading')}
          </h2>
          <div className="panel-heading-meta">
            <p className="screens-announcement" role="status">
              {announcement}
            </p>
            <button type="button" className="button button-small" onClick={reloadTokens}>
              {t('admin.refresh')}
            </button>
          </div>
        </div>
        {tokens.state.error && <LoadError error={tokens.state.error} message="admin.tokens.loadFailed" path={TOKENS_PATH} />}
        {tokens.state.data === null ? (
          !tokens.state.error && <p className="notice">{t('common.loading')}</p>
        ) : tokens.state.data.length === 0 ? (
          <p className="notice">{t('admin.tokens.list.empty')}</p>
        ) : (
          <TokensTable tokens={tokens.state.data} captionId={listHeadingId} unitPaths={paths} indicatorCodes={codes} onRevoked={onRevoked} />
        )}
      </section>
    </>
  );
}

/** `/admin/tokens`: admins only. */
export function TokensPage() {
  return (
    <AdminShell path={TOKENS_PATH} title="admin.tokens.title" intro="admin.tokens.intro">
      {() => <TokensManager />}
    </AdminShell>
  );
}
