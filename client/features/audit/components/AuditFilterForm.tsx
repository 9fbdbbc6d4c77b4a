import { useId } from 'react';
import { AUDIT_ACTIONS, auditQuerySchema } from '../../../../shared/api/audit';
import type { AuditFilters } from '../../../api/admin';
import { useT } from '../../../i18n';
import { Field, SelectField } from '../../../ui/Field';
import { FormDateField } from '../../../ui/DateField';
import { useCheckedForm } from '../../../ui/useApiForm';
import { auditFields } from '../../../components/adminFields';

interface Props {
  applied: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

const EMPTY = { action: '', actor: '', entity: '', from: '', to: '' };
type Draft = typeof EMPTY;

/** The boxes that are filled: an empty box is no filter at all, not a filter on "". */
const givenOf = (draft: Draft) => Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== ''));

/** The filters as typed, checked with the API's `auditQuerySchema`; applied (and the list asked for again) only on submit. */
export function AuditFilterForm({ applied, onApply }: Props) {
  const t = useT();
  const id = useId();
  const { form, field, errorOf } = useCheckedForm({
    schema: auditQuerySchema,
    defaultValues: { ...EMPTY, ...applied },
    messages: auditFields,
    toRequest: givenOf,
    ownErrors: ({ from, to }): { to?: 'admin.audit.field.to.before_from' } => (from && to && to < from ? { to: 'admin.audit.field.to.before_from' } : {}),
  });

  const apply = form.handleSubmit(({ limit: _limit, before: _before, ...filters }) => onApply(filters));

  function onClear() {
    form.reset(EMPTY);
    onApply({});
  }

  return (
    <form className="admin-form audit-filters" onSubmit={(event) => void apply(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('admin.audit.filters.heading')}</h2>
      <div className="admin-form-row">
        <SelectField
          label={t('admin.audit.filters.action')}
          placeholder={t('admin.audit.filters.anyAction')}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`admin.audit.action.${action}`) }))}
          {...field('action')}
        />
        <Field label={t('admin.audit.filters.actor')} maxLength={100} hint={t('admin.audit.filters.actorHint')} {...field('actor')} />
        <Field label={t('admin.audit.filters.entity')} maxLength={50} spellCheck={false} hint={t('admin.audit.filters.entityHint')} {...field('entity')} />
        <FormDateField control={form.control} name="from" label={t('admin.audit.filters.from')} error={errorOf('from')} />
        <FormDateField control={form.control} name="to" label={t('admin.audit.filters.to')} error={errorOf('to')} />
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
