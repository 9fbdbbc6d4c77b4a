import { useId, useState, type FormEvent } from 'react';
import type { BoardGroup } from '../../../../shared/api/board';
import { groupRequestSchema } from '../../../../shared/api/plan';
import { createGroup, renameGroup } from '../../../api/plan';
import { useT } from '../../../i18n';
import { fieldMessages } from '../../../ui/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';

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
  const [name, setName] = useState(group?.name ?? '');
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(groupFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (group && name.trim() === group.name) {
      onCancel();
      return;
    }
    await submit(groupRequestSchema.safeParse({ name }), async (request) => {
      if (group) await renameGroup(group.id, request.name);
      else await createGroup(termId, request.name);
      onDone(request.name);
    });
  }

  return (
    <form className="admin-form plan-group-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{group ? t('admin.plan.groups.renameHeading', { name: group.name }) : t('admin.plan.groups.addHeading')}</h3>
      <FormError error={formError} />
      <div className="screen-create-row">
        <Field
          label={group ? t('admin.plan.groups.newName') : t('admin.plan.groups.name')}
          name="name"
          autoComplete="off"
          maxLength={200}
          required
          value={name}
          onValueChange={setName}
          hint={group ? undefined : t('admin.plan.groups.nameHint')}
          error={fieldErrors.name}
          autoFocus
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? (group ? t('admin.plan.groups.saving') : t('admin.plan.groups.creating')) : group ? t('admin.plan.groups.save') : t('admin.plan.groups.create')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
