import { useState, type FormEvent } from 'react';
import { createDisplayRequestSchema, type CreatedDisplay } from '../../../../shared/api/displays';
import { createDisplay } from '../../../api';
import { useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { ScreenNameField } from './ScreenNameField';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { screenFields } from './fieldMessages';

/** Names a new screen; the server answers with its link, handed to `onCreated` to show once. */
export function CreateScreenForm({ onCreated }: { onCreated: (created: CreatedDisplay) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const { busy: creating, fieldErrors, formError, submit } = useCheckedSubmit(screenFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (creating) return;
    await submit(createDisplayRequestSchema.safeParse({ name }), async (data) => {
      const created = await createDisplay(data);
      setName('');
      onCreated(created);
    });
  }

  return (
    <form className="screen-create" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <div className="screen-create-row">
        <ScreenNameField
          label={t('screens.create.name')}
          value={name}
          onValueChange={setName}
          hint={t('screens.create.hint')}
          error={fieldErrors.name}
        />
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? t('screens.create.submitting') : t('screens.create.submit')}
        </button>
      </div>
    </form>
  );
}
