import type { Board } from '../../shared/api/board';
import { isoWeek } from '../../shared/time/dates';
import type { ReportCaption } from '../components/display/DisplayHeader';
import { formatDate, formatDateTime, formatNumber } from '../format';
import type { Lang, MessageKey, MessageParams } from '../i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** "Báo cáo tuần 49/2026", "Số liệu tính đến 08:00 07/12/2026" and the week's dates: on the cover, every sheet and every PNG. */
export function reportCaption(board: Board, t: Translate, lang: Lang): ReportCaption & { week: string } {
  const week = isoWeek(board.date);
  const number = { week: formatNumber(week.week, 0, lang), year: String(week.year) };
  return {
    title: t('export.reportTitle', number),
    asOf: t('export.asOf', { dateTime: formatDateTime(board.asOf, board.timeZone, lang) }),
    week: t('export.week', { ...number, monday: formatDate(week.monday, lang), sunday: formatDate(week.sunday, lang) }),
  };
}
