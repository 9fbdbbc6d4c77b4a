import { createDisplayRequestSchema, type CreatedDisplay } from '../../../../shared/api/displays';
import { createDisplay } from '../../../api';
import { useT } from '../../../i18n';
import { ApiForm } from '../../../ui/ApiForm';
import { useApiForm } from '../../../ui/useApiForm';
import { screenFields } from './fieldMessages';
import { ScreenNameField } from './ScreenNameField';

/** Names a new screen; the server answers with its link, handed to `onCreated` to show once. */
export function CreateScreenForm({ onCreated }: { onCreated: (created: CreatedDisplay) => void }) {
  const t = useT();
  const { form, field, submit, busy, formError } = useApiForm({
    schema: createDisplayRequestSchema,
    defaultValues: { name: '' },
    messages: screenFields,
    send: createDisplay,
    onDone: (created) => {
      form.reset();
      onCreated(created);
    },
  });

  return (
    <ApiForm className="screen-create" onSubmit={submit} error={formError}>
      <div className="screen-create-row">
        <ScreenNameField label={t('screens.create.name')} hint={t('screens.create.hint')} {...field('name')} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('screens.create.submitting') : t('screens.create.submit')}
        </button>
      </div>
    </ApiForm>
  );
}
