import type { Ref } from 'react';
import { useT, type MessageParams } from '../../i18n';
import { ImportCommitPanel, type ImportCommitPanelProps } from './ImportCommitPanel';
import { ImportRowsTable } from './ImportRowsTable';
import type { CheckedFile } from './spreadsheetImport';

interface Props<Preview extends CheckedFile, Result extends MessageParams> extends ImportCommitPanelProps<Preview, Result> {
  /** The heading's level, under the page's or the section's own. */
  level: 'h2' | 'h3';
  headingId: string;
  /** Where useImportSteps takes the reader once the preview is drawn. */
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * A checked file on its page: a heading that says what the check found, then, once the file is
 * committed, what was written (`${messages}.previewHeading`, `${messages}.committedHeading`); the
 * verdict with its one button; the rows.
 */
export function CheckedFileSection<Preview extends CheckedFile, Result extends MessageParams>({
  level: Heading,
  headingId,
  headingRef,
  ...panel
}: Props<Preview, Result>) {
  const t = useT();
  const { flow, preview, result } = panel;
  return (
    <>
      <Heading id={headingId} ref={headingRef} tabIndex={-1}>
        {t(result ? `${flow.messages}.committedHeading` : `${flow.messages}.previewHeading`, { file: preview.fileName })}
      </Heading>
      <ImportCommitPanel key={preview.id} {...panel} />
      <ImportRowsTable key={`rows-${preview.id}`} flow={flow} preview={preview} />
    </>
  );
}
