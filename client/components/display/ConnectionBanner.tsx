import type { ConnectionState } from '../../realtime/board-store';
import { formatDate, formatDateTime, localeOf } from '../../format';
import { useLang, useT } from '../../i18n';
import { dateInZone } from '../../../shared/time/dates';
import { Icon } from '../StatusBadge';

const WARNING = (
  <>
    <path d="M12 3L22 20H2z" />
    <path d="M12 9.5v5M12 17.2v.3" />
  </>
);

interface Props {
  connection: ConnectionState;
  offlineSince: number | null;
  /** The board is this browser's copy (the server not reached since boot), of this time (ISO). */
  cachedAt: string | null;
  /** The board is of another day than today (`boardDate`). */
  dayStale: boolean;
  boardDate: string;
  today: string;
  timeZone: string;
  clockOffset: number;
}

/**
 * Says, in words, when the figures on screen may be old: the connection is lost (since when), or
 * the board is of another day and today's is on its way. A polite live region: it is always in
 * the page, and its text changes.
 */
export function ConnectionBanner({ connection, offlineSince, cachedAt, dayStale, boardDate, today, timeZone, clockOffset }: Props) {
  const t = useT();
  const lang = useLang();
  let message: string | null = null;
  if (cachedAt !== null) {
    message = t('display.staleBanner', { time: formatDateTime(cachedAt, timeZone, lang) });
  } else if (connection === 'offline' && offlineSince !== null) {
    const since = offlineSince + clockOffset;
    // Hours and minutes on the day itself; with the date once the loss is older than today.
    const time =
      dateInZone(since, timeZone) === today
        ? new Intl.DateTimeFormat(localeOf(lang), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(since)
        : formatDateTime(new Date(since).toISOString(), timeZone, lang);
    message = t('display.offlineBanner', { time });
  } else if (dayStale) {
    message = t('display.dayBanner', { date: formatDate(boardDate, lang) });
  }
  return (
    <div className="banner-region" aria-live="polite">
      {message && (
        <p className={`banner banner-${connection === 'offline' || cachedAt !== null ? 'offline' : 'day'}`} data-stale-banner="">
          <Icon>{WARNING}</Icon>
          <span>{message}</span>
        </p>
      )}
    </div>
  );
}
