import { randomInt, timingSafeEqual } from 'node:crypto';
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, PAIRING_VALID_MS, type Pairing, type PairingState } from '../../shared/api/displays';
import { newSecret } from '../auth/tokens';
import type { Principal } from '../auth/principal';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { DisplaysService } from './displays.service';

/** Wrong codes one admin may type in a minute; the next is refused (429). */
const WRONG_CODES_PER_MINUTE = 10;
/** Waiting screens held at once: a flood of requests for codes cannot grow memory without bound. */
const MAX_WAITING = 10_000;

interface Waiting {
  secret: string;
  expiresAt: number;
  /** An admin is pairing it (or has): the code serves once. */
  claimed?: boolean;
  /** Set once an admin paired it: handed to the screen once, then the pairing is gone. */
  paired?: { id: number; name: string; token: string };
}

/**
 * Pairing a screen by a short code: a screen without a token asks for a code and shows it; an
 * admin types it with a name; the screen, asking with its secret, gets its own display token once.
 * Codes live 10 minutes and serve once. Held in this process's memory: a code is short-lived and
 * a lost one is simply renewed by the screen (docs/decisions.md: several nodes).
 */
export class PairingService {
  private readonly waiting = new Map<string, Waiting>();
  /** Per admin: the times of their wrong codes in the last minute. */
  private readonly wrongCodes = new Map<number, number[]>();

  constructor(
    private readonly displays: DisplaysService,
    private readonly clock: Clock,
  ) {}

  /** A new code for a waiting screen. */
  start(): Pairing {
    const now = this.clock.now();
    this.sweep(now);
    if (this.waiting.size >= MAX_WAITING) throw new AppError('rate_limited', 'too many screens are waiting to be paired');
    let code: string;
    do code = Array.from({ length: PAIRING_CODE_LENGTH }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join('');
    while (this.waiting.has(code));
    const entry: Waiting = { secret: newSecret('tbp'), expiresAt: now + PAIRING_VALID_MS };
    this.waiting.set(code, entry);
    return { code, secret: entry.secret, expiresAt: new Date(entry.expiresAt).toISOString() };
  }

  /** What the screen showing `code` asks with its secret: still waiting, or its token (given once). */
  state(code: string, secret: string): PairingState {
    const entry = this.live(code);
    if (!entry || !sameSecret(entry.secret, secret)) throw new AppError('not_found', 'no such pairing code');
    if (!entry.paired) return { status: 'waiting' };
    this.waiting.delete(code);
    return { status: 'paired', ...entry.paired };
  }

  /** An admin pairs the screen showing `code` under `name`: a display like any other. */
  async pair(principal: Principal, code: string, name: string, baseUrl: string, ip = ''): Promise<{ id: number; name: string }> {
    const adminId = this.displays.authorize(principal);
    const now = this.clock.now();
    const recent = (this.wrongCodes.get(adminId) ?? []).filter((at) => at > now - 60_000);
    if (recent.length >= WRONG_CODES_PER_MINUTE) throw new AppError('rate_limited', 'too many wrong pairing codes; wait a minute');
    const entry = this.live(code);
    if (!entry || entry.claimed) {
      this.wrongCodes.set(adminId, [...recent, now]);
      throw new AppError('not_found', 'unknown, used or expired pairing code');
    }
    // Taken before the first await: the same code typed twice at once pairs one screen.
    entry.claimed = true;
    try {
      const created = await this.displays.create(principal, name, baseUrl, ip);
      entry.paired = { id: created.id, name: created.name, token: created.token };
      return { id: created.id, name: created.name };
    } catch (error) {
      entry.claimed = false;
      throw error;
    }
  }

  private live(code: string): Waiting | undefined {
    const entry = this.waiting.get(code);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.waiting.delete(code);
      return undefined;
    }
    return entry;
  }

  private sweep(now: number): void {
    for (const [code, entry] of this.waiting) if (entry.expiresAt <= now) this.waiting.delete(code);
    for (const [adminId, times] of this.wrongCodes) if (!times.some((at) => at > now - 60_000)) this.wrongCodes.delete(adminId);
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
