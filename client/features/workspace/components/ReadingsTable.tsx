import { Fragment, useId, useState } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import type { Reading } from '../../../../shared/api/readings';
import { useT, type MessageKey } from '../../../i18n';
import { TableHead } from '../../../ui/DataTable';
import { CorrectionForm } from './CorrectionForm';
import { READING_COLUMNS, ReadingRow } from './ReadingRow';
import type { ReadingsState } from '../api/useReadings';

const COLUMNS: readonly MessageKey[] = [
  'workspace.history.id', 'workspace.history.date', 'workspace.history.value', 'workspace.history.note',
  'workspace.history.evidence', 'workspace.history.author', 'workspace.history.recordedAt', 'workspace.history.revision',
];

interface Props {
  indicator: BoardIndicator;
  board: Board;
  readings: ReadingsState;
  mayCorrect: boolean;
  reload: () => void;
  /** A line for the page's status region, and the new reading it is about. */
  onAnnounce: (message: string, kind: 'done' | 'conflict', readingId?: number) => void;
}

/** Every revision of an indicator's readings, newest first, with the correction form under the one being corrected. */
export function ReadingsTable({ indicator, board, readings, mayCorrect, reload, onAnnounce }: Props) {
  const t = useT();
  const captionId = useId();
  const [correcting, setCorrecting] = useState<Reading | null>(null);
  const list = readings.readings ?? [];

  function closeForm(readingId: number) {
    setCorrecting(null);
    document.querySelector<HTMLElement>(`[data-reading="${readingId}"] button`)?.focus();
  }

  if (list.length === 0) return <p className="notice">{t('workspace.history.empty')}</p>;

  return (
    <div className="table-scroll ws-readings-scroll">
      <table className="ws-table ws-readings" aria-describedby={captionId}>
        <caption className="visually-hidden" id={captionId}>
          {t('workspace.history.caption', { code: indicator.code })}
        </caption>
        <TableHead columns={COLUMNS} actions="workspace.history.actions" />
        <tbody>
          {list.map(rowWithForm)}
        </tbody>
      </table>
    </div>
  );

  // A render function, not a component: a component declared in here would be a new type on
  // every render, and the open form would lose what was typed.
  function rowWithForm(reading: Reading) {
    const open = correcting?.id === reading.id;
    return (
      <Fragment key={reading.id}>
        <ReadingRow
          indicator={indicator}
          reading={reading}
          timeZone={board.timeZone}
          mayCorrect={mayCorrect}
          correcting={open}
          onCorrect={() => setCorrecting(open ? null : reading)}
        />
        {open && (
          <tr className="ws-correction-row">
            <td colSpan={READING_COLUMNS}>
              <CorrectionForm
                indicator={indicator}
                board={board}
                reading={reading}
                readings={readings}
                onCancel={() => closeForm(reading.id)}
                onSaved={(correction) => {
                  setCorrecting(null);
                  onAnnounce(t('workspace.correct.saved', { id: reading.id, correction: correction.id }), 'done', correction.id);
                  reload();
                }}
                onConflict={() => {
                  setCorrecting(null);
                  onAnnounce(t('workspace.correct.conflict', { id: reading.id }), 'conflict');
                  reload();
                }}
              />
            </td>
          </tr>
        )}
      </Fragment>
    );
  }
}
