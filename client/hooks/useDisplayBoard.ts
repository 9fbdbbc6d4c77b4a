import { useCallback, useEffect, useRef, useState } from 'react';
import type { Board } from '../../shared/api/board';
import { parseDisplayCommand } from '../../shared/display/commands';
import type { DisplayCommand, DisplaySettings } from '../../shared/realtime/events';
import type { ConnectionState } from '../realtime/board-store';
import { connectBoardStore } from '../realtime/connect';
import { openBoardSocket } from '../socket';
import { boardSaver, forgetCachedBoard, loadCachedBoard } from './cachedBoard';

/** The indicators changed by one live update; `stamp` tells two updates of the same codes apart. */
export interface ChangedIndicators {
  codes: readonly string[];
  stamp: number;
}

export type DisplayBoardState =
  /** No board yet; `failing` once a connection attempt has failed (Socket.IO keeps trying). */
  | { kind: 'connecting'; failing: boolean }
  /** The display token is unknown or revoked. */
  | { kind: 'unauthenticated' }
  | {
      kind: 'ready';
      board: Board;
      connection: ConnectionState;
      /** When the connection was lost (this screen's clock, epoch ms), while offline. */
      offlineSince: number | null;
      changed: ChangedIndicators | null;
      /** The board came from this browser's cache (the server not reached since boot): its time (ISO). */
      cachedAt: string | null;
    };

export interface DisplayBoard {
  state: DisplayBoardState;
  /** The screen's settings pushed by the server (`display:settings`), null until they arrive. */
  settings: DisplaySettings | null;
  /** The server's clock minus this screen's (ms), from the last snapshot: a TV's own clock is often wrong. */
  clockOffset: number;
  /** Drops the connection and connects again, so that the server sends a fresh snapshot. */
  refresh: () => void;
}

/** How long a refused screen waits before asking again (a link is rarely refused by mistake, but cheaply retried). */
const REFUSED_RETRY_MS = 5 * 60_000;

interface Outputs {
  state: (state: DisplayBoardState) => void;
  settings: (settings: DisplaySettings) => void;
  clockOffset: (offset: number) => void;
  command: (command: DisplayCommand) => void;
}

/** Opens the screen's socket and feeds `out`; returns `refresh` and `stop`. */
function connectDisplay(token: string | null, out: Outputs): { refresh: () => void; stop: () => void } {
  const socket = openBoardSocket(token);
  const { store, stop } = connectBoardStore(socket);
  const saver = token ? boardSaver(token) : null;
  // The last board this screen showed, until the server sends today's: stale, and said so.
  const cached = token ? loadCachedBoard(token) : null;
  let cachedAt: string | null = null;
  if (cached && !store.current.board) {
    store.applySnapshot(cached);
    cachedAt = cached.asOf;
  }
  let refused = false;
  let failing = false;
  // An intended reconnect is not a lost connection: no banner for it.
  let refreshing = false;
  let seenChanged = store.current.lastChanged;
  let changed: ChangedIndicators | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const publish = () => {
    const current = store.current;
    if (refused) return out.state({ kind: 'unauthenticated' });
    if (!current.board) return out.state({ kind: 'connecting', failing });
    const connection = refreshing && current.connection !== 'live' ? 'connecting' : current.connection;
    out.state({
      kind: 'ready',
      board: current.board,
      connection,
      offlineSince: connection === 'offline' && cachedAt === null ? current.offlineSince : null,
      changed,
      cachedAt,
    });
  };

  const unsubscribe = store.subscribe((current) => {
    if (current.lastChanged !== seenChanged) {
      seenChanged = current.lastChanged;
      if (current.lastChanged.length > 0) changed = { codes: current.lastChanged, stamp: (changed?.stamp ?? 0) + 1 };
    }
    if (current.board && cachedAt === null) saver?.save(current.board);
    publish();
  });

  socket.on('board:snapshot', (board) => {
    if (cachedAt !== null) {
      cachedAt = null;
      saver?.save(board);
      publish();
    }
    const offset = Date.parse(board.asOf) - Date.now();
    if (Number.isFinite(offset)) out.clockOffset(offset);
  });
  socket.on('connect', () => {
    refused = false;
    failing = false;
    refreshing = false;
    publish();
  });
  socket.on('connect_error', (error) => {
    refreshing = false;
    // Refused by the server (not a network failure): Socket.IO does not retry these by itself.
    if (error.message === 'unauthorized') {
      refused = true;
      if (token) forgetCachedBoard(token);
      clearTimeout(retry);
      retry = setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
    } else {
      failing = true;
    }
    publish();
  });
  socket.on('disconnect', (reason) => {
    // The server cut this socket off (a revoked screen, a server shutting down): ask again.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('display:settings', (settings) => out.settings(settings));
  socket.on('display:command', (raw) => {
    const command = parseDisplayCommand(raw);
    if (!command) return;
    if (command.type === 'reload') window.location.reload();
    else out.command(command);
  });

  return {
    refresh() {
      if (!socket.connected) return;
      refreshing = true;
      socket.disconnect();
      socket.connect();
    },
    stop() {
      clearTimeout(retry);
      saver?.stop();
      unsubscribe();
      stop();
    },
  };
}

/**
 * The live board of a meeting-room screen: the store of client/realtime (snapshot on every
 * connect, seq-ordered updates, resync), plus what only a screen needs: its settings, remote
 * commands, the server's clock, and a way to fetch a fresh snapshot (a new day) without a reload.
 */
export function useDisplayBoard(token: string | null, onCommand: (command: DisplayCommand) => void): DisplayBoard {
  const [state, setState] = useState<DisplayBoardState>({ kind: 'connecting', failing: false });
  const [settings, setSettings] = useState<DisplaySettings | null>(null);
  const [clockOffset, setClockOffset] = useState(0);
  const commandRef = useRef(onCommand);
  useEffect(() => {
    commandRef.current = onCommand;
  });
  const refreshRef = useRef<() => void>(() => {});

  useEffect(() => {
    let connection: ReturnType<typeof connectDisplay> | null = null;
    // Connect a task later: React's StrictMode (development) mounts, unmounts and mounts again at
    // once, and a socket closed while still connecting makes the browser log a warning.
    const start = setTimeout(() => {
      connection = connectDisplay(token, {
        state: setState,
        settings: setSettings,
        clockOffset: setClockOffset,
        command: (command) => commandRef.current(command),
      });
      refreshRef.current = connection.refresh;
    }, 0);
    return () => {
      clearTimeout(start);
      refreshRef.current = () => {};
      connection?.stop();
    };
  }, [token]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { state, settings, clockOffset, refresh };
}
