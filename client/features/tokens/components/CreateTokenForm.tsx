import { useId } from 'react';
import type { Board } from '../../../../shared/api/board';
import { createApiTokenRequestSchema } from '../../../../shared/api/tokens';
import { createApiToken, type CreatedApiToken } from '../../../api/admin';
import { useT, type MessageKey } from '../../../i18n';
import { describedBy } from '../../../ui/fieldErrors';
import { ApiForm } from '../../../ui/ApiForm';
import { NameField } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { useApiForm } from '../../../ui/useApiForm';
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

const EMPTY = { name: '', unitIds: [] as number[], indicatorIds: [] as number[] };

/** Names a token and what it may write for; the answer carries the secret, shown once. */
export function CreateTokenForm({ tree, board, onCreated }: Props) {
  const t = useT();
  const id = useId();
  const { form, field, errorOf, submit, busy, formError } = useApiForm({
    schema: createApiTokenRequestSchema,
    defaultValues: EMPTY,
    messages: tokenFields,
    send: createApiToken,
    onDone: (created) => {
      form.reset(EMPTY);
      onCreated(created);
    },
  });
  const unitIdsError = errorOf('unitIds');
  const scopeError = unitIdsError === SCOPE_ERROR;
  // The note and its error belong to both groups of boxes: either one satisfies it.
  const scopeIds = describedBy(`${id}-scope`, scopeError && `${id}-scope-error`);

  return (
    <ApiForm onSubmit={submit} error={formError}>
      <div className="admin-form-row">
        <NameField label={t('admin.tokens.create.name')} maxLength={100} hint={t('admin.tokens.create.nameHint')} className="field-wide" {...field('name')} />
      </div>
      <p className="field-hint" id={`${id}-scope`}>
        {t('admin.tokens.create.scopeHint')}
      </p>
      <div className="admin-scope">
        <UnitCheckboxes
          legend={t('admin.tokens.create.units')}
          tree={tree}
          selected={form.watch('unitIds')}
          onChange={(ids) => form.setValue('unitIds', ids)}
          error={scopeError ? undefined : unitIdsError}
          extraDescribedBy={scopeIds}
        />
        {board && (
          <IndicatorCheckboxes
            legend={t('admin.tokens.create.indicators')}
            board={board}
            selected={form.watch('indicatorIds')}
            onChange={(ids) => form.setValue('indicatorIds', ids)}
            error={errorOf('indicatorIds')}
            extraDescribedBy={scopeIds}
          />
        )}
      </div>
      {scopeError && (
        <p className="field-error" id={`${id}-scope-error`}>
          {t(SCOPE_ERROR)}
        </p>
      )}
      <FormActions busy={busy} submit="admin.tokens.create.submit" submitting="admin.tokens.create.submitting" />
    </ApiForm>
  );
}
