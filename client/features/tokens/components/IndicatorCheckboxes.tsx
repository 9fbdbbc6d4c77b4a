import { useId } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { useT, type MessageKey } from '../../../i18n';
import { describedBy } from '../../../ui/fieldErrors';

interface Props {
  legend: string;
  board: Board;
  selected: readonly number[];
  onChange: (indicatorIds: number[]) => void;
  error?: MessageKey | undefined;
  extraDescribedBy?: string;
}

interface GroupOfIndicators {
  key: string;
  name: string;
  indicators: BoardIndicator[];
}

/** The board's indicators by group, in display order; those of no known group come last. */
function byGroup(board: Board, otherName: string): GroupOfIndicators[] {
  const inOrder = (a: { displayOrder: number; id: number }, b: { displayOrder: number; id: number }) => a.displayOrder - b.displayOrder || a.id - b.id;
  const groups = [...board.groups].sort(inOrder);
  const known = new Set(groups.map((group) => group.id));
  const indicators = [...board.indicators].sort(inOrder);
  const result = groups.map((group) => ({
    key: String(group.id),
    name: group.name,
    indicators: indicators.filter((indicator) => indicator.groupId === group.id),
  }));
  result.push({ key: 'other', name: otherName, indicators: indicators.filter((indicator) => !known.has(indicator.groupId)) });
  return result.filter((group) => group.indicators.length > 0);
}

/** Indicators chosen with checkboxes: a fieldset per group, each box named by code and name. */
export function IndicatorCheckboxes({ legend, board, selected, onChange, error, extraDescribedBy }: Props) {
  const t = useT();
  const id = useId();
  const chosen = new Set(selected);
  const groups = byGroup(board, t('board.otherGroup'));

  function toggle(indicatorId: number, checked: boolean) {
    const next = new Set(chosen);
    if (checked) next.add(indicatorId);
    else next.delete(indicatorId);
    onChange(groups.flatMap((group) => group.indicators.map((indicator) => indicator.id)).filter((other) => next.has(other)));
  }

  return (
    <fieldset
      className="checkbox-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(error && `${id}-error`, extraDescribedBy)}
    >
      <legend className="field-label">{legend}</legend>
      {groups.length === 0 ? (
        <p className="screen-muted">{t('admin.tokens.create.noIndicators')}</p>
      ) : (
        groups.map((group) => (
          <fieldset key={group.key} className="checkbox-subgroup">
            <legend>{group.name}</legend>
            <ul className="checkbox-list">
              {group.indicators.map((indicator) => (
                <li key={indicator.id}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.has(indicator.id)}
                      onChange={(event) => toggle(indicator.id, event.target.checked)}
                    />
                    <span>
                      <span className="admin-mono">{indicator.code}</span> {indicator.name}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {t(error)}
        </span>
      )}
    </fieldset>
  );
}
