import { useCallback, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import type { ApiError } from '../api/http';
import { useT, type MessageKey } from '../i18n';
import { LoadError } from './Notice';

interface PanelProps {
  /** The heading's words: a key, or words already made (a term's name in them). */
  heading: MessageKey | { text: string };
  /** The heading's id, where something else (a table's caption) points at it; one is made otherwise. */
  headingId?: string;
  children: ReactNode;
}

/** A panel of a page: a section named by its heading (h2). */
export function Panel({ heading, headingId, children }: PanelProps) {
  const t = useT();
  const ownId = useId();
  const id = headingId ?? ownId;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{typeof heading === 'string' ? t(heading) : heading.text}</h2>
      {children}
    </section>
  );
}

interface Props<Item> {
  heading: MessageKey | { text: string };
  headingId: string;
  /** The heading takes the focus after a change that removed the row that had it. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** What the last change did, read out (role="status"); pages that say it above every panel leave it out. */
  announcement?: string;
  /** Beside the heading, before "Làm mới": a count, a button that opens a form, a download. */
  meta?: ReactNode;
  /** Without it, no "Làm mới" (a list that follows its filters). */
  onRefresh?: () => void;
  error: ApiError | null;
  loadFailed: MessageKey;
  /** Between the failure and the list: a form opened from the heading. */
  before?: ReactNode;
  /** undefined while loading. */
  items: readonly Item[] | null | undefined;
  /** Loading more of it (aria-busy). */
  busy?: boolean;
  empty: MessageKey;
  children: (items: readonly Item[]) => ReactNode;
}

/**
 * The list half of the admin pages' list-and-edit frame: a heading with what the last change did
 * and "Làm mới", then the failure, "Đang tải…", the empty list's words or the table.
 */
export function ListPanel<Item>(props: Props<Item>) {
  const { heading, headingId, headingRef, announcement, meta, onRefresh, error, loadFailed, before, items, busy, empty, children } = props;
  const t = useT();
  return (
    <section className="panel" aria-labelledby={headingId} aria-busy={busy || undefined}>
      <div className="panel-heading">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {typeof heading === 'string' ? t(heading) : heading.text}
        </h2>
        <div className="panel-heading-meta">
          {announcement !== undefined && (
            <p className="screens-announcement" role="status">
              {announcement}
            </p>
          )}
          {meta}
          {onRefresh && (
            <button type="button" className="button button-small" onClick={onRefresh}>
              {t('admin.refresh')}
            </button>
          )}
        </div>
      </div>
      {error && <LoadError error={error} message={loadFailed} />}
      {before}
      {items == null ? !error && <p className="notice">{t('common.loading')}</p> : items.length === 0 ? <p className="notice">{t(empty)}</p> : children(items)}
    </section>
  );
}

/**
 * A ListPanel's heading and what the last change did (`panel`, spread on it); `changed` says what
 * a change did, moves the focus to the heading (the row that had it may be gone) and reloads the list.
 */
export function useListAnnouncer(reload: () => void) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const changed = useCallback(
    (message: string) => {
      setAnnouncement(message);
      headingRef.current?.focus();
      reload();
    },
    [reload],
  );
  return { panel: { headingId, headingRef, announcement }, setAnnouncement, changed };
}
