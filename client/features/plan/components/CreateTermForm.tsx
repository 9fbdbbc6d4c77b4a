import { useId, useState } from 'react';
import type { Board } from '../../../../shared/api/board';
import { createTermRequestSchema, type Term } from '../../../../shared/api/plan';
import { addDays, isIsoDate } from '../../../../shared/time/dates';
import { createTerm } from '../../../api/plan';
import { targetText } from './targetText';
import { useLang, useT, type MessageKey } from '../../../i18n';
import { fieldMessages, type FieldErrors, type FieldMessages } from '../../../ui/fieldErrors';
import { ApiForm } from '../../../ui/ApiForm';
import { NameField } from '../../../ui/Field';
import { FormDateField } from '../../../ui/DateField';
import { TableHead } from '../../../ui/DataTable';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';
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
const TARGET_COLUMNS: readonly MessageKey[] = ['admin.plan.createTerm.code', 'admin.plan.createTerm.indicator', 'admin.plan.createTerm.oldTarget', 'admin.plan.createTerm.newTarget'];

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
  const [targets, setTargets] = useState<Record<string, string>>({});
  const listedOf = (carryOverFrom: string) => (board !== null && carryOverFrom === String(board.term.id) ? board.indicators : null);

  /** The new targets typed, read as numbers (NaN where none could be read). */
  function newTargets(carryOverFrom: string): Record<string, number> {
    const read: Record<string, number> = {};
    for (const indicator of listedOf(carryOverFrom) ?? []) {
      const value = parseDecimal(targets[indicator.code] ?? '');
      if (value !== undefined) read[indicator.code] = value;
    }
    return read;
  }

  const { form, field, errorOf, submit, busy, formError } = useApiForm({
    schema: createTermRequestSchema,
    defaultValues: { name: '', ...nextTermDates(board?.term.end), carryOverFrom: board ? String(board.term.id) : '' },
    messages: termMessages,
    toRequest: ({ carryOverFrom, ...values }) => {
      const read = newTargets(carryOverFrom);
      return {
        ...values,
        ...(carryOverFrom === '' ? {} : { carryOverFrom: Number(carryOverFrom) }),
        ...(carryOverFrom !== '' && Object.keys(read).length > 0 ? { targets: read } : {}),
      };
    },
    ownErrors: ({ carryOverFrom }) => {
      const own: FieldErrors = {};
      for (const [code, value] of Object.entries(newTargets(carryOverFrom))) if (!Number.isFinite(value)) own[`targets.${code}`] = 'admin.plan.createTerm.field.target.not_number';
      return own;
    },
    send: createTerm,
    onDone: onCreated,
  });
  const carryOverFrom = form.watch('carryOverFrom');
  const listed = listedOf(carryOverFrom);

  return (
    <ApiForm onSubmit={submit} error={formError} heading={t('admin.plan.createTerm.heading')}>
      <div className="admin-form-row">
        <NameField label={t('admin.plan.createTerm.name')} className="field-wide" maxLength={200} hint={t('admin.plan.createTerm.nameHint')} {...field('name')} autoFocus />
        <FormDateField control={form.control} name="start" label={t('admin.plan.createTerm.start')} required error={errorOf('start')} />
        <FormDateField control={form.control} name="end" label={t('admin.plan.createTerm.end')} required error={errorOf('end')} />
      </div>
      <SelectField
        label={t('admin.plan.createTerm.carryOver')}
        className="field-wide"
        placeholder={t('admin.plan.createTerm.carryOverNone')}
        options={terms.map((term) => ({ value: String(term.id), label: term.name }))}
        hint={t('admin.plan.createTerm.carryOverHint')}
        {...field('carryOverFrom')}
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
                <TableHead columns={TARGET_COLUMNS} />
                <tbody>
                  {listed.map((indicator) => {
                    const error = errorOf(`targets.${indicator.code}`);
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
      <FormActions busy={busy} submit="admin.plan.createTerm.submit" submitting="admin.plan.createTerm.submitting" onCancel={onCancel} />
    </ApiForm>
  );
}
