import { useId, useRef, useState } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import { describedBy } from '../../../ui/fieldErrors';
import { Field } from '../../../ui/Field';
import { milestoneKey, type MilestoneDraft } from './indicatorDraft';

interface Props {
  milestones: readonly MilestoneDraft[];
  onChange: (milestones: MilestoneDraft[]) => void;
  /** The message beside `milestones` (the list) or `milestones.<index>.year|value` (a row's inputs). */
  errorOf: (name: string) => MessageKey | undefined;
  /** The year a first milestone is proposed for (the term's first full year). */
  firstYear: number;
  disabled?: boolean;
}

/** A milestone's two inputs, in their order on the row. */
const PARTS = [
  { part: 'year', label: 'admin.plan.indicator.milestoneYear', inputMode: 'numeric', maxLength: 4 },
  { part: 'value', label: 'admin.plan.indicator.milestoneValue', inputMode: 'decimal', maxLength: 30 },
] as const;

/** Yearly milestones: a small list of year + value rows, added and removed one by one. */
export function MilestonesField({ milestones, onChange, errorOf, firstYear, disabled = false }: Props) {
  const t = useT();
  const id = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  // The row just added takes the focus; rows already there never do.
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const listError = errorOf('milestones');

  function add() {
    const years = milestones.map((milestone) => Number(milestone.year)).filter(Number.isInteger);
    const key = milestoneKey();
    setAddedKey(key);
    onChange([...milestones, { key, year: String(years.length > 0 ? Math.max(...years) + 1 : firstYear), value: '' }]);
  }

  function remove(key: number) {
    onChange(milestones.filter((milestone) => milestone.key !== key));
    addButton.current?.focus();
  }

  function update(key: number, part: 'year' | 'value', text: string) {
    onChange(milestones.map((milestone) => (milestone.key === key ? { ...milestone, [part]: text } : milestone)));
  }

  return (
    <fieldset
      className="checkbox-group plan-milestones"
      aria-invalid={listError ? true : undefined}
      aria-describedby={describedBy(`${id}-hint`, listError && `${id}-error`)}
      disabled={disabled}
    >
      <legend className="field-label">{t('admin.plan.indicator.milestones')}</legend>
      <span className="field-hint" id={`${id}-hint`}>
        {t('admin.plan.indicator.milestonesHint')}
      </span>
      {milestones.length === 0 ? (
        <p className="screen-muted">{t('admin.plan.indicator.noMilestones')}</p>
      ) : (
        <ol className="plan-milestone-list">
          {milestones.map((milestone, index) => {
            const n = index + 1;
            return (
              <li key={milestone.key} className="plan-milestone">
                {PARTS.map(({ part, label, inputMode, maxLength }) => (
                  <Field
                    key={part}
                    label={t(label, { n })}
                    className="field-narrow"
                    inputMode={inputMode}
                    autoComplete="off"
                    maxLength={maxLength}
                    value={milestone[part]}
                    onValueChange={(text) => update(milestone.key, part, text)}
                    error={errorOf(`milestones.${index}.${part}`)}
                    // The row just added: its year takes the focus.
                    autoFocus={part === 'year' && milestone.key === addedKey}
                  />
                ))}
                <button
                  type="button"
                  className="button button-small button-danger-quiet"
                  onClick={() => remove(milestone.key)}
                  aria-label={t('admin.plan.indicator.removeMilestoneLabel', { n })}
                >
                  {t('admin.plan.indicator.removeMilestone')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {listError && (
        <span className="field-error" id={`${id}-error`}>
          {t(listError)}
        </span>
      )}
      <div>
        <button type="button" ref={addButton} className="button button-small" onClick={add} disabled={milestones.length >= 20}>
          {t('admin.plan.indicator.addMilestone')}
        </button>
      </div>
    </fieldset>
  );
}
