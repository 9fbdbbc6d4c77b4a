import { useId, useRef, useState } from 'react';
import { useT } from '../i18n';

type CopyState = 'idle' | 'copied' | 'failed';

interface Props {
  label: string;
  value: string;
  copyLabel: string;
  /** A command or other text over several lines: a read-only text area instead of an input. */
  multiline?: boolean;
  /** Ids of text that explains the value (the "shown only once" note). */
  describedBy?: string;
}

/** A read-only value with a button that copies it, and a status line that says whether it did. */
export function CopyField({ label, value, copyLabel, multiline = false, describedBy }: Props) {
  const t = useT();
  const id = useId();
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // What the status line says, for the value it was said of: a new value starts silent.
  const [copied, setCopied] = useState<{ of: unknown; state: CopyState }>({ of: value, state: 'idle' });
  const copy = copied.of === value ? copied.state : 'idle';
  const setCopy = (state: CopyState) => setCopied({ of: value, state });

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // No Clipboard API outside a secure context (plain http on the office network): select the
      // text and use the older command, which still works there.
      const input = inputRef.current;
      input?.select();
      setCopy(input && document.execCommand('copy') ? 'copied' : 'failed');
    }
  }

  const common = {
    id,
    ref: inputRef,
    readOnly: true,
    value,
    spellCheck: false,
    'aria-describedby': describedBy,
    onFocus: (event: { currentTarget: { select: () => void } }) => event.currentTarget.select(),
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className={multiline ? 'copy-field copy-field-multiline' : 'copy-field'}>
        {multiline ? <textarea {...common} rows={Math.min(8, value.split('\n').length + 1)} /> : <input {...common} />}
        <button type="button" className="button button-primary" onClick={onCopy}>
          {copyLabel}
        </button>
      </div>
      <p className={`copy-field-status${copy === 'failed' ? ' is-error' : ''}`} role="status">
        {copy === 'copied' ? t('admin.copied') : copy === 'failed' ? t('admin.copyFailed') : ''}
      </p>
    </div>
  );
}
