import type { ReactNode, Ref } from 'react';
import type { ApiError } from '../api/http';
import { useT, type MessageKey } from '../i18n';
import { LoadError } from './Notice';

interface Props<Item> {
  heading: MessageKey;
  headingId: string;
  /** The heading takes the focus after a change that removed the row that had it. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** What the last change did, read out (role="status"). */
  announcement: string;
  onRefresh: () => void;
  error: ApiError | null;
  loadFailed: MessageKey;
  /** undefined while loading. */
  items: readonly Item[] | undefined;
  empty: MessageKey;
  children: (items: readonly Item[]) => ReactNode;
}

/**
 * The list half of the admin pages' list-and-edit frame: a heading with what the last change did
 * and "Làm mới", then the failure, "Đang tải…", the empty list's words or the table.
 */
export function ListPanel<Item>({ heading, headingId, headingRef, announcement, onRefresh, error, loadFailed, items, empty, children }: Props<Item>) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-heading">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t(heading)}
        </h2>
        <div className="panel-heading-meta">
          <p className="screens-announcement" role="status">
            {announcement}
          </p>
          <button type="button" className="button button-small" onClick={onRefresh}>
            {t('admin.refresh')}
          </button>
        </div>
      </div>
      {error && <LoadError error={error} message={loadFailed} />}
      {items === undefined ? !error && <p className="notice">{t('common.loading')}</p> : items.length === 0 ? <p className="notice">{t(empty)}</p> : children(items)}
    </section>
  );
}
