import { useId, type ChangeEventHandler, type FocusEventHandler, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { useT, type MessageKey } from '../i18n';
import { describedBy } from './fieldErrors';

export interface FrameProps {
  label: string;
  hint?: ReactNode;
  /** The message beside the field, tied to the control so it is read out with it. */
  error?: MessageKey | undefined;
  className?: string | undefined;
  /** An asterisk after the label of a required field (hidden from screen readers, which say "required" anyway). */
  markRequired?: boolean;
  /**
   * The error before the hint, on screen and when read out: for forms that move focus to the first
   * field in error, where the error is what must be heard first.
   */
  errorFirst?: boolean;
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The label, the control, its hint and its error, the last two tied to the control with `aria-describedby`. */
export function FieldFrame({ label, hint, error, className, markRequired = false, required, errorFirst = false, control }: FrameProps & { required?: boolean | undefined; control: (props: ControlProps) => ReactNode }) {
  const t = useT();
  const id = useId();
  const hintId = hint !== undefined && hint !== null && hint !== '' ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
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
        {markRequired && required && <span aria-hidden="true"> *</span>}
      </label>
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': errorFirst ? describedBy(errorId, hintId) : describedBy(hintId, errorId),
      })}
      {errorFirst ? errorLine : hintLine}
      {errorFirst ? hintLine : errorLine}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

interface FieldProps extends FrameProps, InputProps {
  /** Set by a form's `register` (react-hook-form), or left out for a field held in state. */
  ref?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  /** For a field held in state: its new text. */
  onValueChange?: (value: string) => void;
  /** A textarea with this many rows instead of a one-line input; it takes `name`, `required` and `maxLength`. */
  rows?: number;
}

/**
 * A labelled input (or textarea) with its hint and error: registered with a form
 * (`{...form.field('name')}`, ui/useApiForm.ts) or held in state (`value` and `onValueChange`).
 */
export function Field({ label, hint, error, className, markRequired, errorFirst, rows, onValueChange, ...inputProps }: FieldProps) {
  const onChange = onValueChange ? (event: { target: { value: string } }) => onValueChange(event.target.value) : inputProps.onChange;
  return (
    <FieldFrame
      {...{ label, hint, error, className, markRequired, errorFirst }}
      required={inputProps.required}
      control={(control) =>
        rows ? (
          <textarea
            {...control}
            ref={inputProps.ref}
            name={inputProps.name}
            value={inputProps.value}
            required={inputProps.required}
            maxLength={inputProps.maxLength}
            onBlur={inputProps.onBlur as FocusEventHandler<HTMLTextAreaElement> | undefined}
            rows={rows}
            onChange={onChange as ChangeEventHandler<HTMLTextAreaElement> | undefined}
          />
        ) : (
          <input {...inputProps} {...control} onChange={onChange} />
        )
      }
    />
  );
}

/**
 * A short typed text that must be there (a unit's or a token's name, an indicator's code, a time
 * zone): never filled in by the browser from other sites' forms; `code` for one typed as capitals
 * to copy (no spelling marks).
 */
export function NameField({ code = false, ...props }: FieldProps & { maxLength: number; code?: boolean }) {
  return <Field autoComplete="off" required {...(code ? { autoCapitalize: 'characters', spellCheck: false } : {})} {...props} />;
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

interface SelectFieldProps extends FrameProps, SelectProps {
  options: readonly SelectOption[];
  ref?: Ref<HTMLSelectElement>;
  onValueChange?: (value: string) => void;
  /** A first, empty choice ("Choose…"): the field starts unchosen. */
  placeholder?: string;
}

/** A labelled select with its hint and error tied to it, like Field. */
export function SelectField({ label, hint, error, className, markRequired, errorFirst, options, placeholder, onValueChange, ...selectProps }: SelectFieldProps) {
  const onChange = onValueChange ? (event: { target: { value: string } }) => onValueChange(event.target.value) : selectProps.onChange;
  return (
    <FieldFrame
      {...{ label, hint, error, className, markRequired, errorFirst }}
      required={selectProps.required}
      control={(control) => (
        <select {...selectProps} {...control} onChange={onChange}>
          {placeholder !== undefined && (
            <option value="" disabled={selectProps.required}>
              {placeholder}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
