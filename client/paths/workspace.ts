/** Paths of the signed-in pages; the admin pages are their owners', listed here for the navigation. */

export const WORKSPACE_PATH = '/workspace';
export const IMPORT_PATH = '/workspace/import';
export const ACCOUNT_PATH = '/account';

const HISTORY_PREFIX = '/workspace/indicators/';

/** The page of one indicator's readings: `/workspace/indicators/19`. */
export function indicatorHistoryPath(indicatorId: number): string {
  return `${HISTORY_PREFIX}${indicatorId}`;
}

/** Matches the history page's path; App.tsx routes it. */
export const INDICATOR_HISTORY_PATTERN = /^\/workspace\/indicators\/([1-9]\d{0,15})$/;

/** The indicator id of a history page path, or null. */
export function indicatorIdOfPath(path: string): number | null {
  const match = INDICATOR_HISTORY_PATTERN.exec(path);
  const id = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(id) ? id : null;
}
