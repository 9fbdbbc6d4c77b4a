import { useId, useState, type FormEvent } from 'react';
import type { Board } from '../../../../shared/api/board';
import { createApiTokenRequestSchema } from '../../../../shared/api/tokens';
import { createApiToken, type CreatedApiToken } from '../../../api/admin';
import { useT, type MessageKey } from '../../../i18n';
import { describedBy } from '../../../ui/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { Field } from '../../../ui/Field';
import { useCheckedSubmit } from '../../../ui/useCheckedSubmit';
import { tokenFields } from '../../../components/adminFields';
import { IndicatorCheckboxes } from './IndicatorCheckboxes';
import { UnitCheckboxes } from '../../../components/UnitCheckboxes';
import type { UnitNode } from '../../../components/unitTree';

interface Props {
  tree: readonly UnitNode[];
  /** For the indicators to choose from; without it, units can still be chosen. */
  board: Board | null;
  onCreated: (created: CreatedApiToken) => void;
}

/** The shared schema puts "choose at least one unit or indicator" on `unitIds`. */
const SCOPE_ERROR: MessageKey = 'admin.tokens.field.unitIds.custom';

/** Names a token and what it may write for; the answer carries the secret, shown once. */
export function CreateTokenForm({ tree, board, onCreated }: Props) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [indicatorIds, setIndicatorIds] = useState<number[]>([]);
  const { busy: creating, fieldErrors, formError, submit } = useCheckedSubmit(tokenFields);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (creating) return;
    await submit(createApiTokenRequestSchema.safeParse({ name, unitIds, indicatorIds }), async (data) => {
      const created = await createApiToken(data);
      setName('');
      setUnitIds([]);
      setIndicatorIds([]);
      onCreated(created);
    });
  }

  const scopeError = fieldErrors.unitIds === SCOPE_ERROR;
  // The note and its error belong to both groups of boxes: either one satisfies it.
  const scopeIds = describedBy(`${id}-scope`, scopeError && `${id}-scope-error`);

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <FormError error={formError} />
      <div className="admin-form-row">
        <Field
          label={t('admin.tokens.create.name')}
          name="name"
          autoComplete="off"
          maxLength={100}
          required
          value={name}
          onValueChange={setName}
          hint={t('admin.tokens.create.nameHint')}
          error={fieldErrors.name}
          className="field-wide"
        />
      </div>
      <p className="field-hint" id={`${id}-scope`}>
        {t('admin.tokens.create.scopeHint')}
      </p>
      <div className="admin-scope">
        <UnitCheckboxes
          legend={t('admin.tokens.create.units')}
          tree={tree}
          selected={unitIds}
          onChange={setUnitIds}
          error={scopeError ? undefined : fieldErrors.unitIds}
          extraDescribedBy={scopeIds}
        />
        {board && (
          <IndicatorCheckboxes
            legend={t('admin.tokens.create.indicators')}
            board={board}
            selected={indicatorIds}
            onChange={setIndicatorIds}
            error={fieldErrors.indicatorIds}
            extraDescribedBy={scopeIds}
          />
        )}
      </div>
      {scopeError && (
        <p className="field-error" id={`${id}-scope-error`}>
          {t(SCOPE_ERROR)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={creating}>
          {creating ? t('admin.tokens.create.submitting') : t('admin.tokens.create.submit')}
        </button>
      </div>
    </form>
  );
}
