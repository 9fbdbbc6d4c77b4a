import { useId, useState } from 'react';
import { asApiError } from '../api/http';
import { useT, type MessageKey } from '../i18n';
import { FormError } from './FormError';
import { useModalDialog } from './useModalDialog';

interface Props {
  heading: string;
  body: string;
  confirmLabel: string;
  confirmingLabel: string;
  /** A red confirm button, for what cuts someone or something off. */
  danger?: boolean;
  /** The change itself; a failure is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  /** After `onConfirm` succeeded; the caller closes the dialog and moves focus. */
  onDone: () => void;
}

/**
 * Asks before a change that is hard to take back (disabling an account, revoking a token or a
 * screen). A native modal dialog: focus stays inside, Escape cancels, showModal focuses the first
 * control (Cancel), the safe choice for an Enter pressed by habit, and focus returns to the opener.
 */
export function ConfirmDialog({ heading, body, confirmLabel, confirmingLabel, danger = false, onConfirm, onCancel, onDone }: Props) {
  const t = useT();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const { dialogProps, closeThen } = useModalDialog(busy, onCancel);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      closeThen(onDone);
    } catch (caught) {
      setError(`errors.${asApiError(caught).code}`);
      setBusy(false);
    }
  }

  return (
    <dialog {...dialogProps} className="dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-body`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p id={`${id}-body`}>{body}</p>
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => closeThen(onCancel)} disabled={busy}>
          {t('admin.cancel')}
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={confirm} disabled={busy}>
          {busy ? confirmingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
