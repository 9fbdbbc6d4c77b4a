import { useRef, useState } from 'react';
import type { Term } from '../../../../shared/api/plan';
import { closeTerm, makeTermCurrent } from '../../../api/plan';
import { formatDate } from '../../../format';
import { useLang, useT, type MessageKey } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/Dialog';
import { DataTable } from '../../../ui/DataTable';

interface Props {
  terms: readonly Term[];
  captionId: string;
  /** After a term was closed or made current. */
  onChanged: () => void;
  onAnnounce: (message: string) => void;
}

const COLUMNS: readonly MessageKey[] = ['admin.plan.terms.name', 'admin.plan.terms.dates', 'admin.plan.terms.status', 'admin.plan.terms.actions'];

/** Newest first: the term being planned is usually the latest. */
function newestFirst(terms: readonly Term[]): Term[] {
  return [...terms].sort((a, b) => b.start.localeCompare(a.start) || b.id - a.id);
}

export function TermsTable({ terms, captionId, onChanged, onAnnounce }: Props) {
  const names = new Map(terms.map((term) => [term.id, term.name]));
  return (
    <DataTable captionId={captionId} className="screens-table admin-table plan-terms" columns={COLUMNS}>
      {newestFirst(terms).map((term) => (
        <TermRow key={term.id} term={term} previousName={term.previousTermId === null ? undefined : names.get(term.previousTermId)} onChanged={onChanged} onAnnounce={onAnnounce} />
      ))}
    </DataTable>
  );
}

/** A term's actions, in the order of their buttons: each asks first (ConfirmDialog). */
const ACTIONS = ['makeCurrent', 'close'] as const;
type Action = (typeof ACTIONS)[number];

function TermRow({ term, previousName, onChanged, onAnnounce }: { term: Term; previousName: string | undefined } & Pick<Props, 'onChanged' | 'onAnnounce'>) {
  const t = useT();
  const lang = useLang();
  const [dialog, setDialog] = useState<Action | null>(null);
  // The button that opened a dialog takes the focus back when it is cancelled.
  const buttons = { makeCurrent: useRef<HTMLButtonElement>(null), close: useRef<HTMLButtonElement>(null) };
  const name = term.name;

  function finish(done: boolean) {
    const action = dialog;
    setDialog(null);
    if (done && action) {
      onAnnounce(t(`admin.plan.terms.${action}.done`, { name }));
      onChanged();
    } else {
      if (action) buttons[action].current?.focus();
    }
  }

  return (
    <tr className={term.closed ? 'admin-row is-disabled' : 'admin-row'} data-term-id={term.id}>
      <th scope="row">
        <span className="screen-name">{name}</span>
        {previousName !== undefined && <span className="screen-sub">{t('admin.plan.terms.carriedFrom', { name: previousName })}</span>}
      </th>
      <td>
        {t('admin.plan.terms.datesValue', { start: formatDate(term.start, lang), end: formatDate(term.end, lang) })}
      </td>
      <td>
        <span className="plan-badges">
          {term.current && <span className="badge plan-current">{t('admin.plan.terms.current')}</span>}
          {term.closed ? (
            <span className="badge term-closed">{t('admin.plan.terms.closed')}</span>
          ) : (
            <span className="badge plan-open">{t('admin.plan.terms.open')}</span>
          )}
        </span>
      </td>
      <td>
        <div className="screen-actions">
          {ACTIONS.filter((action) => (action === 'close' ? !term.closed : !term.current)).map((action) => (
            <button
              key={action}
              type="button"
              ref={buttons[action]}
              className={action === 'close' ? 'button button-small button-danger-quiet' : 'button button-small'}
              onClick={() => setDialog(action)}
              aria-label={t(`admin.plan.terms.${action}.openLabel`, { name })}
            >
              {t(`admin.plan.terms.${action}.open`)}
            </button>
          ))}
        </div>
        {dialog && (
          <ConfirmDialog
            messages={`admin.plan.terms.${dialog}`}
            params={{ name }}
            danger={dialog === 'close'}
            onConfirm={async () => {
              await (dialog === 'close' ? closeTerm(term.id) : makeTermCurrent(term.id));
            }}
            onCancel={() => finish(false)}
            onDone={() => finish(true)}
          />
        )}
      </td>
    </tr>
  );
}
