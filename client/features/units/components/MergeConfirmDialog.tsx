import { useId, useState } from 'react';
import type { MergeUnitsRequest, UnitDetail } from '../../../../shared/api/units';
import { asApiError } from '../../../api/http';
import { mergeUnits } from '../../../api/plan';
import { useT, type MessageKey } from '../../../i18n';
import { useModalDialog } from '../../../ui/useModalDialog';
import { FormError } from '../../../ui/FormError';
import { unitFields } from './unitFields';

/** A merge checked and ready, with what it moves as far as the page knows it. */
export interface MergePlan {
  request: MergeUnitsRequest;
  intoName: string;
  isNew: boolean;
  goneNames: readonly string[];
  /** Indicators of the current term owned by the merged units; null when the board is not known. */
  indicators: number | null;
  /** Users assigned to any of them; null when the users are not known. */
  users: number | null;
  hasChildren: boolean;
}

interface Props {
  plan: MergePlan;
  onCancel: () => void;
  onDone: (unit: UnitDetail) => void;
}

/**
 * Says what a merge does before it is done: which units become history, and what moves to the
 * unit they become. A modal dialog like ConfirmDialog (Cancel first, Escape cancels).
 */
export function MergeConfirmDialog({ plan, onCancel, onDone }: Props) {
  const t = useT();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const { dialogProps, closeThen } = useModalDialog(busy, onCancel);
  const into = plan.intoName;

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const unit = await mergeUnits(plan.request);
      closeThen(() => onDone(unit));
    } catch (caught) {
      const apiError = asApiError(caught);
      // A field refused (a unit merged meanwhile) says more than the general reason.
      setError(Object.values(unitFields.ofApi(apiError))[0] ?? `errors.${apiError.code}`);
      setBusy(false);
    }
  }

  return (
    <dialog {...dialogProps} className="dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-body`}>
      <h2 id={`${id}-heading`}>{t('admin.orgUnits.merge.confirmHeading', { count: plan.goneNames.length + (plan.isNew ? 0 : 1), into })}</h2>
      <div id={`${id}-body`}>
        <p>{t('admin.orgUnits.merge.confirmGone', { into, names: plan.goneNames.join(', ') })}</p>
        {plan.isNew && <p>{t('admin.orgUnits.merge.confirmNew', { into })}</p>}
        <p>{t('admin.orgUnits.merge.confirmMoves', { into })}</p>
        <ul className="merge-moves">
          <li>{t('admin.orgUnits.merge.moves.indicators', { count: plan.indicators ?? '?' })}</li>
          <li>{t('admin.orgUnits.merge.moves.users', { count: plan.users ?? '?' })}</li>
          <li>{t('admin.orgUnits.merge.moves.tokens')}</li>
          {plan.hasChildren && <li>{t('admin.orgUnits.merge.moves.children')}</li>}
        </ul>
        <p>
          <strong>{t('admin.orgUnits.merge.irreversible')}</strong>
        </p>
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => closeThen(onCancel)} disabled={busy}>
          {t('admin.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {busy ? t('admin.orgUnits.merge.confirming') : t('admin.orgUnits.merge.confirm')}
        </button>
      </div>
    </dialog>
  );
}
