import type { Display } from '../../../shared/api/displays';
import { useT } from '../../i18n';
import { ScreenRow, type ScreenRowProps } from './ScreenRow';

type Props = Omit<ScreenRowProps, 'display'> & { displays: readonly Display[]; captionId: string };

/** Screens still in use first; revoked ones stay listed below them, as history. */
function inUseFirst(displays: readonly Display[]): Display[] {
  return [...displays].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

export function ScreensTable({ displays, captionId, ...rowProps }: Props) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="screens-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{t('screens.list.name')}</th>
            <th scope="col">{t('screens.list.presence')}</th>
            <th scope="col">{t('screens.list.lastSeen')}</th>
            <th scope="col">{t('screens.list.rotate')}</th>
            <th scope="col">{t('screens.list.commands')}</th>
            <th scope="col">{t('screens.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {inUseFirst(displays).map((display) => (
            <ScreenRow key={display.id} display={display} {...rowProps} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
