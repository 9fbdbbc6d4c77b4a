import { useId, type ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n';
import { describedBy } from './fieldErrors';

export interface SelectOption {
  value: string;
  label: string;
}

interface Props {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onValueChange: (value: string) => void;
  /** A first, empty choice ("Choose…"): the field starts unchosen. */
  placeholder?: string;
  hint?: ReactNode;
  error?: MessageKey | undefined;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  autoFocus?: boolean;
}

/** A labelled select with its hint and error tied to it, like TextField. */
export function SelectField({ label, value, options, onValueChange, placeholder, hint, error, name, required, disabled, className, autoFocus }: Props) {
  const t = useT();
  const id = useId();
  const hintId = hint !== undefined && hint !== null && hint !== '' ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        onChange={(event) => onValueChange(event.target.value)}
      >
        {placeholder !== undefined && (
          <option value="" disabled={required}>
            {placeholder}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hintId && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {t(error)}
        </span>
      )}
    </div>
  );
}
