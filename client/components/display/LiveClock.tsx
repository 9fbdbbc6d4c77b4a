import { useLang, useT } from '../../i18n';
import { localeOf } from '../../format';
import { useNow } from '../../hooks/useNow';

const formats = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formatsFor(locale: string, timeZone: string) {
  const key = `${locale}:${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    found = {
      time: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }),
    };
    formats.set(key, found);
  }
  return found;
}

/**
 * Today's date and the time in the board's time zone, on the server's clock (`offset`): a TV
 * left for weeks often has a wrong clock of its own. Hours and minutes only: seconds ticking
 * on the wall draw the eye for nothing.
 */
export function LiveClock({ timeZone, offset }: { timeZone: string; offset: number }) {
  const t = useT();
  const lang = useLang();
  const now = useNow() + offset;
  const { time, date } = formatsFor(localeOf(lang), timeZone);
  const timeText = time.format(now);
  const dateText = date.format(now);
  return (
    <div className="clock" role="timer" aria-label={t('display.clockLabel', { time: timeText, date: dateText })}>
      <span className="clock-time" aria-hidden="true">
        {timeText}
      </span>
      <span className="clock-date" aria-hidden="true">
        {dateText}
      </span>
    </div>
  );
}
