/** The weekly reports page; the navigation bar links it for everyone signed in. */
export const REPORTS_PATH = '/reports';

/**
 * The office's zone: the archive is kept by the office's ISO weeks, and its instants (as of,
 * requested, finished) are shown as the office reads them, whatever the viewer's own zone.
 */
export const REPORTS_TIME_ZONE = 'Asia/Ho_Chi_Minh';
