import { useId, useRef, useState } from 'react';
import { asApiError } from '../api/http';
import { useT, type MessageKey, type MessageParams } from '../i18n';
import { FormError } from './FormError';
import { useModalDialog } from './useModalDialog';

/** A prefix of the messages of a confirm dialog: `.heading`, `.body`, `.confirm`, `.confirming`. */
export type DialogMessages = { [K in MessageKey]: K extends `${infer P}.confirming` ? (`${P}.heading` extends MessageKey ? P : never) : never }[MessageKey];

interface Props {
  messages: DialogMessages;
  /** What the heading names (`{ name }`). */
  params?: MessageParams;
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
export function ConfirmDialog({ messages, params, danger = false, onConfirm, onCancel, onDone }: Props) {
  const t = useT();
  const text = (name: string) => t(`${messages}.${name}` as MessageKey, params);
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
      <h2 id={`${id}-heading`}>{text('heading')}</h2>
      <p id={`${id}-body`}>{text('body')}</p>
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => closeThen(onCancel)} disabled={busy}>
          {t('admin.cancel')}
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={confirm} disabled={busy}>
          {busy ? text('confirming') : text('confirm')}
        </button>
      </div>
    </dialog>
  );
}

/** A prefix of messages that name an action asked about first: `.open`, `.openLabel`, `.heading`, `.body`, `.confirm`, `.confirming`. */
export type ConfirmMessages = { [K in DialogMessages]: `${K}.openLabel` extends MessageKey ? K : never }[DialogMessages];

interface ConfirmButtonProps {
  messages: ConfirmMessages;
  /** What the button's label and the dialog's heading name (`{ name }`, `{ code }`). */
  params: MessageParams;
  onConfirm: () => Promise<void>;
  /** After the change: the dialog is closed. */
  onDone: () => void;
}

/**
 * The button of a row's action that cuts something off (revoking a screen or a token, archiving
 * an indicator), asked about first in a ConfirmDialog; a cancel takes the focus back to it.
 */
export function ConfirmButton({ messages, params, onConfirm, onDone }: ConfirmButtonProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const text = (name: string) => t(`${messages}.${name}` as MessageKey, params);
  return (
    <>
      <button type="button" ref={button} className="button button-small button-danger-quiet" onClick={() => setConfirming(true)} aria-label={text('openLabel')}>
        {text('open')}
      </button>
      {confirming && (
        <ConfirmDialog
          messages={messages}
          params={params}
          danger
          onConfirm={onConfirm}
          onCancel={() => {
            setConfirming(false);
            button.current?.focus();
          }}
          onDone={() => {
            setConfirming(false);
            onDone();
          }}
        />
      )}
    </>
  );
}
