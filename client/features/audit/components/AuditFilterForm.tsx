import { useId, useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS, auditQuerySchema } from '../../../../shared/api/audit';
import type { AuditFilters } from '../../../api/admin';
import { useT } from '../../../i18n';
import type { FieldErrors } from '../../../ui/fieldErrors';
import { Field } from '../../../ui/Field';
import { DateField } from '../../../ui/DateField';
import { auditFields } from '../../../components/adminFields';

interface Props {
  applied: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

interface Draft {
  action: string;
  actor: string;
  entity: string;
  from: string;
  to: string;
}

function draftOf(filters: AuditFilters): Draft {
  return { action: filters.action ?? '', actor: filters.actor ?? '', entity: filters.entity ?? '', from: filters.from ?? '', to: filters.to ?? '' };
}

/** The filters as typed; applied (and the list asked for again) only on submit. */
export function AuditFilterForm({ applied, onApply }: Props) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(applied));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const set = (key: keyof Draft) => (value: string) => setDraft((previous) => ({ ...previous, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Empty boxes are no filter at all, not a filter on "".
    const given = Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== ''));
    const parsed = auditQuerySchema.safeParse(given);
    if (!parsed.success) {
      setFieldErrors(auditFields.ofIssues(parsed.error.issues));
      return;
    }
    const { limit: _limit, before: _before, ...filters } = parsed.data;
    if (filters.from && filters.to && filters.to < filters.from) {
      setFieldErrors({ to: 'admin.audit.field.to.before_from' });
      return;
    }
    setFieldErrors({});
    onApply(filters);
  }

  function onClear() {
    setDraft(draftOf({}));
    setFieldErrors({});
    onApply({});
  }

  return (
    <form className="admin-form audit-filters" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.audit.filters.heading')}</h2>
      <div className="admin-form-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-action`}>
            {t('admin.audit.filters.action')}
          </label>
          <select id={`${id}-action`} value={draft.action} onChange={(event) => set('action')(event.target.value)}>
            <option value="">{t('admin.audit.filters.anyAction')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`admin.audit.action.${action}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('admin.audit.filters.actor')}
          name="actor"
          maxLength={100}
          value={draft.actor}
          onValueChange={set('actor')}
          hint={t('admin.audit.filters.actorHint')}
          error={fieldErrors.actor}
        />
        <Field
          label={t('admin.audit.filters.entity')}
          name="entity"
          maxLength={50}
          spellCheck={false}
          value={draft.entity}
          onValueChange={set('entity')}
          hint={t('admin.audit.filters.entityHint')}
          error={fieldErrors.entity}
        />
        <DateField label={t('admin.audit.filters.from')} name="from" value={draft.from} onValueChange={set('from')} error={fieldErrors.from} />
        <DateField label={t('admin.audit.filters.to')} name="to" value={draft.to} onValueChange={set('to')} error={fieldErrors.to} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('admin.audit.filters.apply')}
        </button>
        <button type="button" className="button" onClick={onClear}>
          {t('admin.audit.filters.clear')}
        </button>
      </div>
    </form>
  );
}
