import { useEffect, useId, useRef, useState } from 'react';
import type { Display } from '../../../shared/api/displays';
import { asApiError, revokeDisplay } from '../../api';
import { useT, type MessageKey } from '../../i18n';

interface Props {
  display: Display;
  onCancel: () => void;
  onRevoked: () => void;
}

/**
 * Asks before revoking: a revoked link cannot be brought back, and the screen in the meeting
 * room goes dark at once. A native modal dialog, so focus stays inside and Escape cancels.
 */
export function RevokeDialog({ display, onCancel, onRevoked }: Props) {
  const t = useT();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    // showModal focuses the first button (Cancel): the safe choice for Enter pressed by habit.
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function onConfirm() {
    if (revoking) return;
    setRevoking(true);
    setError(null);
    try {
      await revokeDisplay(display.id);
      onRevoked();
    } catch (caught) {
      setError(`errors.${asApiError(caught).code}`);
      setRevoking(false);
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
        if (!revoking) onCancel();
      }}
    >
      <h2 id={`${id}-heading`}>{t('screens.revoke.heading', { name: display.name })}</h2>
      <p id={`${id}-body`}>{t('screens.revoke.body')}</p>
      {error && (
        <p className="notice notice-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={revoking}>
          {t('screens.revoke.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={revoking}>
          {revoking ? t('screens.revoke.confirming') : t('screens.revoke.confirm')}
        </button>
      </div>
    </dialog>
  );
}
