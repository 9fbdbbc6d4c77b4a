import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { describedBy } from '../form/fieldErrors';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby' | 'onChange' | 'value'>;

interface Props extends InputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  /** The message beside the field, tied to the input so it is read out with it. */
  error?: MessageKey | undefined;
  className?: string;
}

/** A labelled input with its hint and error, both tied to it with `aria-describedby`. */
export function TextField({ label, value, onValueChange, hint, error, className, ...inputProps }: Props) {
  const t = useT();
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...inputProps}
        id={id}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
      />
      {hint !== undefined && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {t(error)}
        </span>
      )}
    </div>
  );
}
