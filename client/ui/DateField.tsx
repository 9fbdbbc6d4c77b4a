import { useRef, useState, type Ref } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useT } from '../i18n';
import { FieldFrame, type FrameProps } from './Field';
import './controls.css';
import { isoOfTyped, typedOfIso, withSlashes } from './typedDate';

interface DateFieldProps extends FrameProps {
  name: string;
  /** `yyyy-mm-dd` once a whole date is typed; until then what was typed ('' for nothing). */
  value: string;
  onValueChange: (value: string) => void;
  /** For react-hook-form (FormDateField): its field's `onBlur` and `ref` (which the form focuses on an error). */
  onBlur?: (() => void) | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  required?: boolean;
  /** The calendar's first and last days, `yyyy-mm-dd`. */
  min?: string | undefined;
  max?: string | undefined;
  autoFocus?: boolean;
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/**
 * A date in the Vietnamese order, typed as dd/mm/yyyy with the keyboard or picked on the
 * browser's calendar, whatever the browser's language; the form gets `yyyy-mm-dd` (or what was
 * typed, for its schema to refuse). The native date input stays hidden behind the calendar
 * button: its own text follows the browser's language (mm/dd/yyyy in English). Held in state
 * (`value`, `onValueChange`); in a react-hook-form form, through `Controller` (its `field.value`
 * and `field.onChange`).
 */
export function DateField({ label, hint, error, className, markRequired, errorFirst, name, value, onValueChange, onBlur, inputRef, required, min, max, autoFocus }: DateFieldProps) {
  const t = useT();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => typedOfIso(value));
  const [known, setKnown] = useState(value);
  // A value set from outside (a form cleared, filled from a choice): shown as dd/mm/yyyy.
  if (value !== known) {
    setKnown(value);
    if ((isoOfTyped(text) ?? text.trim()) !== value) setText(typedOfIso(value));
  }

  function change(next: string) {
    const typed = withSlashes(next, text);
    const given = isoOfTyped(typed) ?? typed.trim();
    setText(typed);
    setKnown(given);
    onValueChange(given);
  }

  function openCalendar() {
    try {
      picker.current?.showPicker();
    } catch {
      // A browser without showPicker: the date is typed.
    }
  }

  return (
    <FieldFrame
      {...{ label, hint, error, className, markRequired, errorFirst, required }}
      control={(control) => (
        <div className="date-field">
          <input
            {...control}
            name={name}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={10}
            placeholder={t('controls.date.placeholder')}
            required={required}
            autoFocus={autoFocus}
            value={text}
            onChange={(event) => change(event.target.value)}
            ref={inputRef}
            onBlur={() => {
              const iso = isoOfTyped(text);
              if (iso) setText(typedOfIso(iso));
              onBlur?.();
            }}
          />
          <button type="button" className="button date-field-calendar" onClick={openCalendar} aria-label={t('controls.date.calendar')} title={t('controls.date.calendar')}>
            <CalendarIcon />
          </button>
          <input
            ref={picker}
            type="date"
            className="date-field-picker"
            tabIndex={-1}
            aria-hidden="true"
            min={min}
            max={max}
            value={isoOfTyped(text) ?? ''}
            onChange={(event) => change(typedOfIso(event.target.value))}
          />
        </div>
      )}
    />
  );
}

/** A DateField as one of a react-hook-form form's fields (`control` and `name`), with the error the form gives it. */
export function FormDateField<Values extends FieldValues, Context, Transformed extends FieldValues>({
  control,
  name,
  ...props
}: Omit<DateFieldProps, 'name' | 'value' | 'onValueChange' | 'onBlur' | 'inputRef'> & { control: Control<Values, Context, Transformed>; name: Path<Values> }) {
  const { field } = useController<Values, Path<Values>, Transformed>({ control, name });
  return <DateField {...props} name={field.name} value={(field.value as string | undefined) ?? ''} onValueChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />;
}
