import { useId, useState } from 'react';
import type { Display } from '../../../../shared/api/displays';
import { displayCommandSchema } from '../../../../shared/realtime/events';
import { asApiError } from '../../../api/http';
import { sendDisplayCommand } from '../../../api';
import { useT, type MessageKey, type MessageParams } from '../../../i18n';

/** A page a screen can be sent to: `summary` or `group-<id>`, with the name people know it by. */
export interface PageOption {
  key: string;
  label: string;
}

type Outcome = { kind: 'info' | 'error'; key: MessageKey; params?: MessageParams };

interface Props {
  display: Display;
  pages: readonly PageOption[];
  /** Called after every command, delivered or not, so the list shows the screen's presence now. */
  onSent: () => void;
}

/** Remote commands to one screen: reload it, or show a chosen page now. */
export function ScreenCommands({ display, pages, onSent }: Props) {
  const t = useT();
  const id = useId();
  const [page, setPage] = useState(pages[0]?.key ?? 'summary');
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function send(command: unknown) {
    if (sending) return;
    const parsed = displayCommandSchema.safeParse(command);
    if (!parsed.success) {
      setOutcome({ kind: 'error', key: 'fieldError.other' });
      return;
    }
    setSending(true);
    setOutcome(null);
    try {
      const delivered = await sendDisplayCommand(display.id, parsed.data);
      setOutcome(
        delivered > 0
          ? { kind: 'info', key: 'screens.command.delivered', params: { count: delivered } }
          : { kind: 'info', key: 'screens.command.deliveredNone' },
      );
    } catch (caught) {
      setOutcome({ kind: 'error', key: `errors.${asApiError(caught).code}` });
    } finally {
      setSending(false);
      onSent();
    }
  }

  // The selected page may vanish when the groups change; fall back to the first one.
  const selected = pages.some((option) => option.key === page) ? page : (pages[0]?.key ?? 'summary');

  return (
    <div className="screen-commands">
      <div className="screen-commands-row">
        <button
          type="button"
          className="button button-small"
          onClick={() => send({ type: 'reload' })}
          disabled={sending}
          aria-label={t('screens.command.reloadLabel', { name: display.name })}
        >
          {t('screens.command.reload')}
        </button>
        <label className="visually-hidden" htmlFor={`${id}-page`}>
          {t('screens.command.page', { name: display.name })}
        </label>
        <select id={`${id}-page`} className="select" value={selected} onChange={(event) => setPage(event.target.value)} disabled={sending}>
          {pages.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          onClick={() => send({ type: 'show-page', page: selected })}
          disabled={sending}
          aria-label={t('screens.command.showLabel', { name: display.name })}
        >
          {t('screens.command.show')}
        </button>
      </div>
      {/* Always present, so the result of a command is announced when it arrives. */}
      <p className={`screen-command-result${outcome?.kind === 'error' ? ' is-error' : ''}`} role="status">
        {sending ? t('screens.command.sending') : outcome ? t(outcome.key, outcome.params) : ''}
      </p>
    </div>
  );
}
