import { pairDisplayRequestSchema, type PairedDisplay } from '../../../../shared/api/displays';
import { pairDisplay } from '../../../api';
import { useT } from '../../../i18n';
import { NameField } from '../../../ui/Field';
import { ApiForm } from '../../../ui/ApiForm';
import { useApiForm } from '../../../ui/useApiForm';
import { screenFields } from './fieldMessages';
import { ScreenNameField } from './ScreenNameField';

/**
 * Pairs the screen showing a code (`/display` opened without a link) under a name: typed on a
 * phone as easily as at a desk. The screen gets its own token by itself.
 */
export function PairScreenForm({ onPaired }: { onPaired: (paired: PairedDisplay) => void }) {
  const t = useT();
  const { form, field, submit, busy, formError } = useApiForm({
    schema: pairDisplayRequestSchema,
    defaultValues: { code: '', name: '' },
    messages: screenFields,
    send: pairDisplay,
    onDone: (paired) => {
      form.reset();
      onPaired(paired);
    },
    refused: (error) => (error.status === 404 ? { code: 'screens.pair.unknown' } : error.status === 429 ? { code: 'screens.pair.tooMany' } : null),
  });

  return (
    <ApiForm className="screen-create screen-pair" onSubmit={submit} error={formError}>
      <div className="screen-create-row">
        <NameField code label={t('screens.pair.code')} maxLength={12} hint={t('screens.pair.codeHint')} {...field('code')} />
        <ScreenNameField label={t('screens.pair.name')} hint={t('screens.create.hint')} {...field('name')} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('screens.pair.submitting') : t('screens.pair.submit')}
        </button>
      </div>
    </ApiForm>
  );
}
