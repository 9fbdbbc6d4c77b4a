import { useEffect, useRef, useState } from 'react';
import type { Board } from '../../shared/api/board';
import { dateInZone } from '../../shared/time/dates';
import type { ConnectionState } from '../realtime/board-store';

/** How often the screen checks whether the day has turned. */
const CHECK_MS = 10_000;
/** The least time between two fresh-snapshot requests, should the server still answer yesterday. */
const REFRESH_GAP_MS = 60_000;

/**
 * Keeps a screen from showing yesterday's board as today's: statuses, the expected pace and
 * "overdue" all depend on the date. `today` is the server's date in the board's time zone (this
 * screen's clock corrected by `clockOffset`). While the board is of another day it is stale, and
 * while connected `refresh` is asked for (at once, then at most every minute) until a snapshot
 * of today arrives: after a night offline and at midnight alike.
 */
export function useBoardDay(board: Board, connection: ConnectionState, clockOffset: number, refresh: () => void): { today: string; stale: boolean } {
  const { timeZone } = board;
  const [today, setToday] = useState(() => dateInZone(Date.now() + clockOffset, timeZone));

  useEffect(() => {
    const check = () => setToday(dateInZone(Date.now() + clockOffset, timeZone));
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, [timeZone, clockOffset]);

  const stale = board.date !== today;
  const lastAsked = useRef(0);
  useEffect(() => {
    if (!stale || connection !== 'live') return;
    const wait = Math.max(0, lastAsked.current + REFRESH_GAP_MS - Date.now());
    const timer = setTimeout(() => {
      lastAsked.current = Date.now();
      refresh();
    }, wait);
    return () => clearTimeout(timer);
  }, [stale, connection, refresh, board]);

  return { today, stale };
}
