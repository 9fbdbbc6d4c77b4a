import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { hasMessage, useT, type MessageKey, type MessageParams } from '../../i18n';
import { FormErrors } from '../../ui/FormErrors';
import type { CheckedFile, SpreadsheetImport } from './spreadsheetImport';

/** The counts shown, in this order, each with its text (`countNew` ...) where the file has it. */
const COUNTED = [
  ['new', 'countNew'],
  ['duplicate', 'countDuplicate'],
  ['error', 'countError'],
] as const;

export interface ImportCommitPanelProps<Preview extends CheckedFile, Result extends MessageParams> {
  flow: SpreadsheetImport<Preview, Result>;
  preview: Preview;
  result: Result | null;
  onCommitted: (result: Result) => void;
  onStartOver: () => void;
}

/**
 * The verdict on a previewed file and the one button that writes it. All rows go in one
 * transaction or none, so a single row in error holds back the whole file: the button stays
 * disabled, and says why.
 */
export function ImportCommitPanel<Preview extends CheckedFile, Result extends MessageParams>({
  flow,
  preview,
  result,
  onCommitted,
  onStartOver,
}: ImportCommitPanelProps<Preview, Result>) {
  const t = useT();
  const id = useId();
  // A mutation: a session that ended is the QueryClient's 401 (app/queryClient.ts).
  const commit = useMutation({ mutationFn: (previewId: number) => flow.commit(previewId), onSuccess: onCommitted });
  const committing = commit.isPending;
  const errors: MessageKey[] = commit.error ? [`errors.${commit.error.code}`, ...flow.commitHints(commit.error)] : [];
  const { messages } = flow;
  const { counts } = preview;
  const blocked: MessageKey | null = counts.error > 0 ? `${messages}.blockedByErrors` : counts.new === 0 ? `${messages}.nothingNew` : null;

  function onCommit() {
    if (committing || blocked || result) return;
    commit.mutate(preview.id);
  }

  return (
    <div className="ws-commit">
      <p className="ws-counts">
        {COUNTED.map(([verdict, name]) => {
          const count = counts[verdict];
          const text = `${messages}.${name}`;
          if (count === undefined || !hasMessage(text)) return null;
          // None of a verdict is no news: "0 dòng lỗi" in the error's red would read as an alarm.
          return (
            <span key={verdict} className={`badge ws-import-${count > 0 ? verdict : 'none'}`}>
              {t(text, { count })}
            </span>
          );
        })}
      </p>
      {!result && <p className="field-hint">{t(`${messages}.dryRun`, { file: preview.fileName })}</p>}
      <FormErrors errors={errors} />
      <div role="status" className="ws-live">
        {result && <p className="ws-saved">{t(`${messages}.committed`, result)}</p>}
      </div>
      {!result && blocked && (
        <p className={counts.error > 0 ? 'notice notice-error' : 'notice'} id={`${id}-blocked`}>
          {t(blocked, { count: counts.error })}
        </p>
      )}
      <div className="form-actions">
        {!result && (
          <button
            type="button"
            className="button button-primary"
            onClick={onCommit}
            disabled={committing || blocked !== null}
            aria-describedby={blocked ? `${id}-blocked` : undefined}
          >
            {committing ? t(`${messages}.committing`) : t(`${messages}.commit`, { count: counts.new })}
          </button>
        )}
        <button type="button" className="button" onClick={onStartOver} disabled={committing}>
          {t(`${messages}.startOver`)}
        </button>
      </div>
    </div>
  );
}
