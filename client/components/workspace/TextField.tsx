import { useId, type InputHTMLAttributes } from 'react';
import { useT, type MessageKey } from '../../i18n';

interface Props {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: MessageKey | undefined;
  hint?: string;
  /** A textarea with this many rows instead of a one-line input. */
  rows?: number;
  type?: 'text' | 'date' | 'password';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  min?: string;
  max?: string;
  className?: string;
}

/**
 * A labelled input (or textarea) with its hint and its error beside it, both tied to it with
 * `aria-describedby`. The error is shown, not announced: the form moves focus to the first one.
 */
export function TextField({ label, name, value, onChange, error, hint, rows, type = 'text', className, required, ...input }: Props) {
  const t = useT();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name,
    value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
    maxLength: input.maxLength,
  } as const;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={input.inputMode}
          autoComplete={input.autoComplete}
          min={input.min}
          max={input.max}
          spellCheck={type === 'text' && input.inputMode === undefined ? undefined : false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {t(error)}
        </span>
      )}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}
