/** Dates as people type them (dd/mm/yyyy) and as forms send them (yyyy-mm-dd): ui/DateField's rules. */

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
export function typedOfIso(value: string): string {
  const iso = ISO_DATE.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/** As a person types day and month, the slash comes by itself (`15` → `15/`); eight digits pasted get both. */
export function withSlashes(next: string, previous: string): string {
  if (/^\d{8}$/.test(next)) return `${next.slice(0, 2)}/${next.slice(2, 4)}/${next.slice(4)}`;
  const appending = next.length > previous.length && next.startsWith(previous);
  return appending && /^(\d{2}|\d{1,2}\/\d{2})$/.test(next) ? `${next}/` : next;
}
