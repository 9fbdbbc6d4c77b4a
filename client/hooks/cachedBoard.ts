import type { Board } from '../../shared/api/board';

/**
 * The last board a screen showed, kept in the browser (localStorage) per display token, so that
 * a screen that boots while the server is unreachable shows it, marked stale, at once. The app
 * itself comes from the service worker's cache (vite.config.ts).
 */

const PREFIX = 'termboard.board.';
/** The least time between two writes: a busy feed must not rewrite the board on every update. */
const SAVE_GAP_MS = 5000;

/** A short, stable name for a token: the token itself never becomes a storage key. */
function keyOf(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193) >>> 0;
  return `${PREFIX}${hash.toString(36)}`;
}

export function loadCachedBoard(token: string): Board | null {
  try {
    const raw = window.localStorage.getItem(keyOf(token));
    if (!raw) return null;
    const board = JSON.parse(raw) as Board;
    // The shape of an older version's board, or a damaged entry: not worth showing.
    return typeof board === 'object' && board !== null && Array.isArray(board.indicators) && typeof board.asOf === 'string' ? board : null;
  } catch {
    return null;
  }
}

export function forgetCachedBoard(token: string): void {
  try {
    window.localStorage.removeItem(keyOf(token));
  } catch {
    // nothing kept
  }
}

/** Keeps the newest board given, written at most every few seconds (and at once the first time). */
export function boardSaver(token: string): { save(board: Board): void; stop(): void } {
  let latest: Board | null = null;
  let lastSaved = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    if (!latest) return;
    lastSaved = Date.now();
    try {
      window.localStorage.setItem(keyOf(token), JSON.stringify(latest));
    } catch {
      // Storage full or refused: the screen works on, without an offline copy.
    }
  };
  return {
    save(board) {
      latest = board;
      if (timer !== undefined) return;
      timer = setTimeout(write, Math.max(0, lastSaved + SAVE_GAP_MS - Date.now()));
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
