import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';
import { describedBy } from './fieldErrors';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby' | 'onChange' | 'value'>;

interface Props extends InputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  /** The message beside the field, tied to the input so it is read out with it. */
  error?: MessageKey | undefined;
  className?: string;
  /** A textarea with this many rows instead of a one-line input; it takes `name`, `required` and `maxLength`. */
  rows?: number;
  /** An asterisk after the label of a required field (hidden from screen readers, which say "required" anyway). */
  markRequired?: boolean;
  /**
   * The error before the hint, on screen and when read out: for forms that move focus to the first
   * field in error, where the error is what must be heard first.
   */
  errorFirst?: boolean;
}

/** A labelled input (or textarea) with its hint and error, both tied to it with `aria-describedby`. */
export function TextField({ label, value, onValueChange, hint, error, className, rows, markRequired = false, errorFirst = false, ...inputProps }: Props) {
  const t = useT();
  const id = useId();
  const hintId = hint !== undefined && hint !== null && hint !== '' ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': errorFirst ? describedBy(errorId, hintId) : describedBy(hintId, errorId),
  } as const;
  const hintLine = hintId && (
    <span className="field-hint" id={hintId}>
      {hint}
    </span>
  );
  const errorLine = error && (
    <span className="field-error" id={errorId}>
      {t(error)}
    </span>
  );
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
        {markRequired && inputProps.required && <span aria-hidden="true"> *</span>}
      </label>
      {rows ? (
        <textarea
          {...control}
          name={inputProps.name}
          required={inputProps.required}
          maxLength={inputProps.maxLength}
          rows={rows}
          onChange={(event) => onValueChange(event.target.value)}
        />
      ) : (
        <input {...inputProps} {...control} onChange={(event) => onValueChange(event.target.value)} />
      )}
      {errorFirst ? errorLine : hintLine}
      {errorFirst ? hintLine : errorLine}
    </div>
  );
}
