import type { Display } from '../../../../shared/api/displays';
import type { MessageKey } from '../../../i18n';
import { DataTable } from '../../../ui/DataTable';
import { ScreenRow, type ScreenRowProps } from './ScreenRow';

type Props = Omit<ScreenRowProps, 'display'> & { displays: readonly Display[]; captionId: string };

/** Screens still in use first; revoked ones stay listed below them, as history. */
function inUseFirst(displays: readonly Display[]): Display[] {
  return [...displays].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

const COLUMNS: readonly MessageKey[] = [
  'screens.list.name',
  'screens.list.presence',
  'screens.list.lastSeen',
  'screens.list.rotate',
  'screens.list.commands',
  'screens.list.actions',
];

export function ScreensTable({ displays, captionId, ...rowProps }: Props) {
  return (
    <DataTable captionId={captionId} className="screens-table" columns={COLUMNS}>
      {inUseFirst(displays).map((display) => (
        <ScreenRow key={display.id} display={display} {...rowProps} />
      ))}
    </DataTable>
  );
}
