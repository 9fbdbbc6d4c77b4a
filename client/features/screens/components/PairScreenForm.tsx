import { useState, type FormEvent } from 'react';
import { pairDisplayRequestSchema, type PairedDisplay } from '../../../../shared/api/displays';
import { pairDisplay } from '../../../api';
import { useT } from '../../../i18n';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { ScreenNameField } from './ScreenNameField';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { screenFields } from './fieldMessages';

/**
 * Pairs the screen showing a code (`/display` opened without a link) under a name: typed on a
 * phone as easily as at a desk. The screen gets its own token by itself.
 */
export function PairScreenForm({ onPaired }: { onPaired: (paired: PairedDisplay) => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const { busy, fieldErrors, formError, submit } = useCheckedSubmit(screenFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    await submit(
      pairDisplayRequestSchema.safeParse({ code, name }),
      async (data) => {
        const paired = await pairDisplay(data);
        setCode('');
        setName('');
        onPaired(paired);
      },
      (error) =>
        error.status === 404 ? { code: 'screens.pair.unknown' } : error.status === 429 ? { code: 'screens.pair.tooMany' } : null,
    );
  }

  return (
    <form className="screen-create screen-pair" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <div className="screen-create-row">
        <Field
          label={t('screens.pair.code')}
          name="code"
          maxLength={12}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onValueChange={setCode}
          hint={t('screens.pair.codeHint')}
          error={fieldErrors.code}
        />
        <ScreenNameField
          label={t('screens.pair.name')}
          value={name}
          onValueChange={setName}
          hint={t('screens.create.hint')}
          error={fieldErrors.name}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('screens.pair.submitting') : t('screens.pair.submit')}
        </button>
      </div>
    </form>
  );
}
