import { useRef, useState } from 'react';
import { useT } from '../i18n';
import { FieldFrame, type FrameProps } from './Field';
import './controls.css';

interface DateFieldProps extends FrameProps {
  name: string;
  /** `yyyy-mm-dd` once a whole date is typed; until then what was typed ('' for nothing). */
  value: string;
  onValueChange: (value: string) => void;
  required?: boolean;
  /** The calendar's first and last days, `yyyy-mm-dd`. */
  min?: string | undefined;
  max?: string | undefined;
  autoFocus?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date typed as dd/mm/yyyy (d/m/yyyy, or yyyy-mm-dd pasted) as `yyyy-mm-dd`, if the calendar has that day. */
export function isoOfTyped(text: string): string | null {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const typed = TYPED_DATE.exec(trimmed);
  const parts: [string, string, string] | null = iso ? [iso[1]!, iso[2]!, iso[3]!] : typed ? [typed[3]!, typed[2]!, typed[1]!] : null;
  if (!parts) return null;
  const candidate = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  const day = new Date(`${candidate}T00:00:00Z`);
  // 31/02 rolls over to March: not a day of the calendar.
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === candidate ? candidate : null;
}

/** `yyyy-mm-dd` as `dd/mm/yyyy`; anything else as it is. */
function typedOfIso(value: string): string {
  const iso = ISO_DATE.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/** As a person types day and month, the slash comes by itself (`15` → `15/`); eight digits pasted get both. */
function withSlashes(next: string, previous: string): string {
  if (/^\d{8}$/.test(next)) return `${next.slice(0, 2)}/${next.slice(2, 4)}/${next.slice(4)}`;
  const appending = next.length > previous.length && next.startsWith(previous);
  return appending && /^(\d{2}|\d{1,2}\/\d{2})$/.test(next) ? `${next}/` : next;
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
 * button: its own text follows the browser's language (mm/dd/yyyy in English).
 */
export function DateField({ label, hint, error, className, markRequired, errorFirst, name, value, onValueChange, required, min, max, autoFocus }: DateFieldProps) {
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
            onBlur={() => {
              const iso = isoOfTyped(text);
              if (iso) setText(typedOfIso(iso));
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
