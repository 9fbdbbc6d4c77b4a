import { useCallback, useState } from 'react';

/** Where a screen paired by code keeps its own display token, across reloads and reboots. */
const STORAGE_KEY = 'termboard.displayToken';

function stored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage refused (a locked-down kiosk profile): the screen pairs again after a reload.
    return null;
  }
}

/**
 * The screen's display token: the link's `?token=` when it has one, else the one kept from a
 * pairing. `paired` keeps a new one; `forget` drops a kept one the server refused (revoked), so
 * that the screen shows a pairing code again.
 */
export function useDisplayToken(fromLink: string | null): { token: string | null; kept: boolean; paired: (token: string) => void; forget: () => void } {
  const [token, setToken] = useState(() => fromLink ?? stored());
  const paired = useCallback((next: string) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Kept for this page's life only.
    }
    setToken(next);
  }, []);
  const forget = useCallback(() => {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing kept
    }
    setToken(null);
  }, []);
  return { token, kept: fromLink === null, paired, forget };
}
