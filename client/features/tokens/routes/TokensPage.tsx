import { useCallback, useMemo, useState } from 'react';
import type { ApiToken } from '../../../../shared/api/tokens';
import { useQuery } from '@tanstack/react-query';
import type { CreatedApiToken } from '../../../api/admin';
import { queries, useInvalidate } from '../../../api/queries';
import { adminPage } from '../../../ui/PageFrame';
import { CreatedTokenNotice } from '../components/CreatedTokenNotice';
import { CreateTokenForm } from '../components/CreateTokenForm';
import { ListPanel, useListAnnouncer } from '../../../ui/ListPanel';
import { LoadError } from '../../../ui/Notice';
import { TOKENS_PATH } from '../../../paths/admin';
import { TokensTable } from '../components/TokensTable';
import { unitPaths, unitTree } from '../../../components/unitTree';
import { useT } from '../../../i18n';
import '../../../styles/admin.css';

/** The integration tokens, for an admin: list, create (the secret shown once), revoke. */
function TokensManager() {
  const t = useT();
  const tokens = useQuery(queries.tokens);
  const units = useQuery(queries.units);
  const board = useQuery(queries.board);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const paths = useMemo(() => unitPaths(tree), [tree]);
  const codes = useMemo(
    () => new Map((board.data?.indicators ?? []).map((indicator) => [indicator.id, indicator.code])),
    [board.data],
  );
  const reloadTokens = useInvalidate(queries.tokens.queryKey);
  const list = useListAnnouncer(reloadTokens);

  const onCreated = useCallback(
    (token: CreatedApiToken) => {
      setCreated(token);
      reloadTokens();
    },
    [reloadTokens],
  );

  const { changed } = list;
  const onRevoked = useCallback((token: ApiToken) => changed(t('admin.tokens.revoke.done', { name: token.name })), [changed, t]);

  return (
    <>
      <section className="panel" aria-labelledby="tokens-create-heading">
        <h2 id="tokens-create-heading">{t('admin.tokens.create.heading')}</h2>
        {units.error && <LoadError error={units.error} message="admin.units.loadFailed" />}
        {board.error && <LoadError error={board.error} message="admin.tokens.boardFailed" />}
        <CreateTokenForm tree={tree} board={board.data ?? null} onCreated={onCreated} />
        {created && <CreatedTokenNotice created={created} board={board.data ?? null} onDismiss={() => setCreated(null)} />}
      </section>

      <ListPanel
        heading="admin.tokens.list.heading"
        {...list.panel}
        onRefresh={reloadTokens}
        error={tokens.error}
        loadFailed="admin.tokens.loadFailed"
        items={tokens.data}
        empty="admin.tokens.list.empty"
      >
        {(tokensList) => (
          <TokensTable tokens={tokensList} captionId={list.panel.headingId} unitPaths={paths} indicatorCodes={codes} onRevoked={onRevoked} />
        )}
      </ListPanel>
    </>
  );
}

/** `/admin/tokens`: admins only. */
export const TokensPage = adminPage({ path: TOKENS_PATH, title: 'admin.tokens.title', intro: 'admin.tokens.intro' }, TokensManager);
