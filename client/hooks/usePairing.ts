import { useEffect, useState } from 'react';
import { pairingSchema, pairingStateSchema, type Pairing } from '../../shared/api/displays';
import { send } from '../api/http';
import { parseBody } from '../api';

/** How often a waiting screen asks whether it has been paired: within 2 s of the admin's click. */
const POLL_MS = 1000;
/** Asks for a new code this long before the current one expires. */
const RENEW_EARLY_MS = 15_000;
/** After a failed request (the server away), the wait before trying again. */
const RETRY_MS = 5000;

export type PairingView = { kind: 'loading' } | { kind: 'failed' } | { kind: 'waiting'; code: string; expiresAt: string };

/**
 * A screen without a token: gets a pairing code, renews it before it expires, and asks every
 * second whether an admin has paired it; then hands the screen's own display token to `onPaired`.
 * The code it replaced is still asked about until it expires: an admin who typed it in the last
 * seconds has paired this screen, not a display nobody will collect.
 */
export function usePairing(onPaired: (token: string) => void): PairingView {
  const [view, setView] = useState<PairingView>({ kind: 'loading' });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pairing: Pairing | null = null;
    let previous: Pairing | null = null;
    const later = (step: () => Promise<void>, ms: number) => {
      if (!stopped) timer = setTimeout(() => void step(), ms);
    };

    const renew = async (): Promise<void> => {
      try {
        const fresh = await parseBody(await send('POST', '/api/displays/pairings', {}), pairingSchema);
        if (stopped) return;
        previous = pairing && Date.parse(pairing.expiresAt) > Date.now() ? pairing : null;
        pairing = fresh;
        setView({ kind: 'waiting', code: pairing.code, expiresAt: pairing.expiresAt });
        later(poll, POLL_MS);
      } catch {
        if (stopped) return;
        setView({ kind: 'failed' });
        later(renew, RETRY_MS);
      }
    };

    const stateOf = async (asked: Pairing) => {
      const response = await send('POST', '/api/displays/pairings/claim', { body: { code: asked.code, secret: asked.secret } });
      return parseBody(response, pairingStateSchema);
    };

    const poll = async (): Promise<void> => {
      if (!pairing) return renew();
      if (previous) {
        const replaced = previous;
        const state = Date.parse(replaced.expiresAt) > Date.now() ? await stateOf(replaced).catch(() => null) : null;
        if (stopped) return;
        if (state?.status === 'paired') return onPaired(state.token);
        if (state === null) previous = null;
      }
      if (Date.parse(pairing.expiresAt) - Date.now() < RENEW_EARLY_MS) return renew();
      try {
        const state = await stateOf(pairing);
        if (stopped) return;
        if (state.status === 'paired') return onPaired(state.token);
        later(poll, POLL_MS);
      } catch {
        // Unknown (the server restarted, the code expired) or unreachable: a new code.
        later(renew, POLL_MS);
      }
    };

    void renew();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [onPaired]);

  return view;
}
