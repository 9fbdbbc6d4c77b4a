import { useId, useState, type FormEvent } from 'react';
import type { Board } from '../../../../shared/api/board';
import { createTermRequestSchema, type Term } from '../../../../shared/api/plan';
import { addDays, isIsoDate } from '../../../../shared/time/dates';
import { createTerm } from '../../../api/plan';
import { targetText } from './targetText';
import { useLang, useT, type MessageKey } from '../../../i18n';
import { fieldMessages, type FieldErrors, type FieldMessages } from '../../../ui/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { DateField } from '../../../ui/DateField';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { parseDecimal } from '../../../components/numbers';
import { SelectField } from '../../../ui/Field';

interface Props {
  terms: readonly Term[];
  /** The current term's board: its indicators are listed for new targets when carried over. */
  board: Board | null;
  onCreated: (term: Term) => void;
  onCancel: () => void;
}

const termFields = fieldMessages({ field: 'admin.plan.createTerm.field' });
const TARGET_INVALID: MessageKey = 'admin.plan.createTerm.field.target.invalid';

/** The term form's messages: a target of a carried-over indicator (`targets.<code>`) beside its own input. */
const termMessages: FieldMessages = {
  ...termFields,
  ofIssues: (issues) => placeTargets(termFields.ofIssues(issues)),
  ofCodes: (codes) => placeTargets(termFields.ofCodes(codes)),
  ofApi: (error) => placeTargets(termFields.ofCodes(error.fields)),
};

function placeTargets(errors: FieldErrors): FieldErrors {
  const placed: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) placed[field] = field.startsWith('targets.') ? TARGET_INVALID : message;
  return placed;
}

/** A term of five years from the day after `end`, the usual congress cycle. */
function nextTermDates(end: string | undefined): { start: string; end: string } {
  if (!end || !isIsoDate(end)) return { start: '', end: '' };
  const start = addDays(end, 1);
  const fiveYears = `${Number(start.slice(0, 4)) + 5}${start.slice(4)}`;
  return { start, end: isIsoDate(fiveYears) ? addDays(fiveYears, -1) : '' };
}

/**
 * A new term: name and dates, and optionally the groups and indicators of an earlier term with a
 * new target for each. Only the current term's indicators can be listed (`GET /api/board`).
 */
export function CreateTermForm({ terms, board, onCreated, onCancel }: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [name, setName] = useState('');
  const [dates, setDates] = useState(() => nextTermDates(board?.term.end));
  const [carryOverFrom, setCarryOverFrom] = useState(board ? String(board.term.id) : '');
  const [targets, setTargets] = useState<Record<string, string>>({});
  const { busy, fieldErrors, setFieldErrors, formError, submit } = useCheckedSubmit(termMessages);

  const listed = board !== null && carryOverFrom === String(board.term.id) ? board.indicators : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const newTargets: Record<string, number> = {};
    const own: FieldErrors = {};
    for (const indicator of listed ?? []) {
      const value = parseDecimal(targets[indicator.code] ?? '');
      if (value === undefined) continue;
      if (Number.isFinite(value)) newTargets[indicator.code] = value;
      else own[`targets.${indicator.code}`] = 'admin.plan.createTerm.field.target.not_number';
    }
    const parsed = createTermRequestSchema.safeParse({
      name,
      start: dates.start,
      end: dates.end,
      ...(carryOverFrom === '' ? {} : { carryOverFrom: Number(carryOverFrom) }),
      ...(carryOverFrom !== '' && Object.keys(newTargets).length > 0 ? { targets: newTargets } : {}),
    });
    if (Object.keys(own).length > 0) {
      setFieldErrors({ ...(parsed.success ? {} : termMessages.ofIssues(parsed.error.issues)), ...own });
      return;
    }
    await submit(parsed, async (request) => {
      onCreated(await createTerm(request));
    });
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('admin.plan.createTerm.heading')}</h3>
      <FormError error={formError} />
      <div className="admin-form-row">
        <Field
          label={t('admin.plan.createTerm.name')}
          name="name"
          className="field-wide"
          autoComplete="off"
          maxLength={200}
          required
          value={name}
          onValueChange={setName}
          hint={t('admin.plan.createTerm.nameHint')}
          error={fieldErrors.name}
          autoFocus
        />
        <DateField
          label={t('admin.plan.createTerm.start')}
          name="start"
          required
          value={dates.start}
          onValueChange={(start) => setDates((previous) => ({ ...previous, start }))}
          error={fieldErrors.start}
        />
        <DateField
          label={t('admin.plan.createTerm.end')}
          name="end"
          required
          value={dates.end}
          onValueChange={(end) => setDates((previous) => ({ ...previous, end }))}
          error={fieldErrors.end}
        />
      </div>
      <SelectField
        label={t('admin.plan.createTerm.carryOver')}
        name="carryOverFrom"
        className="field-wide"
        value={carryOverFrom}
        placeholder={t('admin.plan.createTerm.carryOverNone')}
        options={terms.map((term) => ({ value: String(term.id), label: term.name }))}
        onValueChange={setCarryOverFrom}
        hint={t('admin.plan.createTerm.carryOverHint')}
        error={fieldErrors.carryOverFrom}
      />
      {carryOverFrom !== '' && listed === null && <p className="notice">{t('admin.plan.createTerm.targetsUnknown')}</p>}
      {listed !== null && (
        <fieldset className="checkbox-group" aria-describedby={`${id}-targets-hint`}>
          <legend className="field-label">{t('admin.plan.createTerm.targetsHeading')}</legend>
          <span className="field-hint" id={`${id}-targets-hint`}>
            {t('admin.plan.createTerm.targetsHint')}
          </span>
          {listed.length === 0 ? (
            <p className="screen-muted">{t('admin.plan.createTerm.noIndicators')}</p>
          ) : (
            <div className="table-scroll plan-targets">
              <table className="screens-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.plan.createTerm.code')}</th>
                    <th scope="col">{t('admin.plan.createTerm.indicator')}</th>
                    <th scope="col">{t('admin.plan.createTerm.oldTarget')}</th>
                    <th scope="col">{t('admin.plan.createTerm.newTarget')}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.map((indicator) => {
                    const error = fieldErrors[`targets.${indicator.code}`];
                    const errorId = `${id}-target-${indicator.id}-error`;
                    return (
                      <tr key={indicator.id}>
                        <td className="admin-mono">{indicator.code}</td>
                        <td>{indicator.name}</td>
                        <td className="plan-number">{targetText(indicator, lang)}</td>
                        <td>
                          <input
                            className="plan-target-input"
                            inputMode="decimal"
                            autoComplete="off"
                            maxLength={30}
                            value={targets[indicator.code] ?? ''}
                            onChange={(event) => {
                              const text = event.target.value;
                              setTargets((previous) => ({ ...previous, [indicator.code]: text }));
                            }}
                            aria-label={t('admin.plan.createTerm.newTargetLabel', { code: indicator.code })}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? errorId : undefined}
                          />
                          {error && (
                            <span className="field-error" id={errorId}>
                              {t(error)}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('admin.plan.createTerm.submitting') : t('admin.plan.createTerm.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
