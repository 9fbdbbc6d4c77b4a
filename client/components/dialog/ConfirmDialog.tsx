import { useId, useLayoutEffect, useRef, useState } from 'react';
import { asApiError } from '../../api';
import { useT, type MessageKey } from '../../i18n';

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
 * Asks before a change that is hard to take back. A native modal dialog, as RevokeDialog: focus
 * stays inside, Escape cancels, and showModal focuses the first control (Cancel), the safe
 * choice for an Enter pressed by habit.
 */
export function ConfirmDialog({ heading, body, confirmLabel, confirmingLabel, danger = false, onConfirm, onCancel, onDone }: Props) {
  const t = useT();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  // Layout effect: on unmount the dialog closes while still in the document, so the browser can
  // hand focus back to the element that opened it.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  /** Closes first: until then the rest of the page is inert and cannot take the caller's focus. */
  function closeThen(callback: () => void) {
    dialogRef.current?.close();
    callback();
  }

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
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        // Escape: close through React state, never behind its back.
        event.preventDefault();
        if (!busy) closeThen(onCancel);
      }}
    >
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p id={`${id}-body`}>{body}</p>
      {error && (
        <p className="notice notice-error" role="alert">
          {t(error)}
        </p>
      )}
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
