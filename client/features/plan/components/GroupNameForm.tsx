import { useId } from 'react';
import type { BoardGroup } from '../../../../shared/api/board';
import { groupRequestSchema } from '../../../../shared/api/plan';
import { createGroup, renameGroup } from '../../../api/plan';
import { useT } from '../../../i18n';
import { fieldMessages } from '../../../ui/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';

const groupFields = fieldMessages({ field: 'admin.plan.groups.field' });

interface Props {
  termId: number;
  /** The group renamed; none for a new group. */
  group?: BoardGroup | undefined;
  /** With the name saved. */
  onDone: (name: string) => void;
  onCancel: () => void;
}

/** A new group of the term, or a group's new name; checked with `groupRequestSchema`. */
export function GroupNameForm({ termId, group, onDone, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const { field, submit, busy, formError } = useApiForm({
    schema: groupRequestSchema,
    defaultValues: { name: group?.name ?? '' },
    messages: groupFields,
    unchanged: ({ name }) => group !== undefined && name.trim() === group.name,
    onUnchanged: onCancel,
    send: async ({ name }) => {
      if (group) await renameGroup(group.id, name);
      else await createGroup(termId, name);
    },
    onDone: (_, { name }) => onDone(name),
  });

  return (
    <form className="admin-form plan-group-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{group ? t('admin.plan.groups.renameHeading', { name: group.name }) : t('admin.plan.groups.addHeading')}</h3>
      <FormError error={formError} />
      <div className="screen-create-row">
        <Field
          label={group ? t('admin.plan.groups.newName') : t('admin.plan.groups.name')}
          autoComplete="off"
          maxLength={200}
          required
          hint={group ? undefined : t('admin.plan.groups.nameHint')}
          {...field('name')}
          autoFocus
        />
      </div>
      <FormActions
        busy={busy}
        submit={group ? 'admin.plan.groups.save' : 'admin.plan.groups.create'}
        submitting={group ? 'admin.plan.groups.saving' : 'admin.plan.groups.creating'}
        onCancel={onCancel}
      />
    </form>
  );
}
