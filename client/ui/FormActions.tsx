import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';

interface Props {
  busy: boolean;
  /** The submit button's words, and what it says while the form is sent. */
  submit: MessageKey;
  submitting: MessageKey;
  /** A cancel button beside it (editing in place). */
  onCancel?: () => void;
  cancel?: MessageKey;
  small?: boolean;
  /** After the buttons: what the last submit did ("Đã lưu"). */
  children?: ReactNode;
}

/** A form's buttons: submit (saying it is busy while sent) and, when editing in place, cancel. */
export function FormActions({ busy, submit, submitting, onCancel, cancel = 'admin.cancel', small = false, children }: Props) {
  const t = useT();
  const size = small ? ' button-small' : '';
  return (
    <div className="form-actions">
      <button type="submit" className={`button button-primary${size}`} disabled={busy}>
        {busy ? t(submitting) : t(submit)}
      </button>
      {onCancel && (
        <button type="button" className={`button${size}`} onClick={onCancel} disabled={busy}>
          {t(cancel)}
        </button>
      )}
      {children}
    </div>
  );
}
