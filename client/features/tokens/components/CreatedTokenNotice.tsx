import { useEffect, useId, useRef } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import type { CreatedApiToken } from '../../../api/admin';
import { useT } from '../../../i18n';
import { CopyField } from '../../../ui/CopyField';

interface Props {
  created: CreatedApiToken;
  board: Board | null;
  onDismiss: () => void;
}

/** An indicator the new token may write for, to make the example one that works as it stands. */
function exampleIndicator(created: CreatedApiToken, board: Board | null): BoardIndicator | null {
  if (!board) return null;
  const byId = board.indicators.find((indicator) => created.indicatorIds.includes(indicator.id));
  return byId ?? board.indicators.find((indicator) => created.unitIds.includes(indicator.ownerUnit.id)) ?? null;
}

/** The request an integration sends: one reading of one indicator, with the token as bearer. */
export function curlExample(origin: string, token: string, indicatorId: number | null, date: string): string {
  return [
    `curl -X POST ${origin}/api/indicators/${indicatorId ?? '<id>'}/readings \\`,
    `  -H "Authorization: Bearer ${token}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"date":"${date}","value":98.5}'`,
  ].join('\n');
}

/**
 * The new token, shown this once: the server keeps only its hash. Focus moves here so the note
 * is read out; the token and a ready-made curl command can each be copied with one button.
 */
export function CreatedTokenNotice({ created, board, onDismiss }: Props) {
  const t = useT();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [created]);

  const indicator = exampleIndicator(created, board);
  const example = curlExample(window.location.origin, created.token, indicator?.id ?? null, board?.date ?? 'YYYY-MM-DD');

  return (
    <section className="created-screen" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('admin.tokens.created.heading', { name: created.name })}
      </h3>
      <p className="created-screen-note" id={`${id}-note`}>
        {t('admin.tokens.created.onceNote')}
      </p>
      <CopyField label={t('admin.tokens.created.token')} value={created.token} copyLabel={t('admin.tokens.created.copyToken')} describedBy={`${id}-note`} />
      <CopyField
        label={t('admin.tokens.created.example')}
        value={example}
        copyLabel={t('admin.tokens.created.copyExample')}
        multiline
        describedBy={`${id}-example-hint`}
      />
      <p className="field-hint" id={`${id}-example-hint`}>
        {indicator
          ? t('admin.tokens.created.exampleHint', { indicator: `${indicator.code} — ${indicator.name}` })
          : t('admin.tokens.created.exampleNoIndicator')}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onDismiss}>
          {t('admin.tokens.created.dismiss')}
        </button>
      </div>
    </section>
  );
}
