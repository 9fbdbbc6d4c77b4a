import type { BoardIndicator } from '../../shared/api/board';
import { formatDate } from '../format';
import { useLang, useT } from '../i18n';

/**
 * The one date a card gives: the date of the reading that makes its value ("Số liệu ngày …"),
 * the same words on the board, the screens and the export.
 */
export function ReadingDate({ indicator, className }: { indicator: Pick<BoardIndicator, 'lastReadingDate'>; className?: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <span className={className}>
      {indicator.lastReadingDate ? t('indicator.lastReading', { date: formatDate(indicator.lastReadingDate, lang) }) : t('indicator.noReading')}
    </span>
  );
}
