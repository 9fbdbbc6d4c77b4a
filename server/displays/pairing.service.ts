import { randomInt, timingSafeEqual } from 'node:crypto';
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, PAIRING_VALID_MS, type Pairing, type PairingState } from '../../shared/api/displays';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Principal } from '../auth/principal';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { DisplaysService } from './displays.service';
import type { PairingRepository } from './pairing.repository';

/** Wrong codes one admin may type in a minute; the next is refused (429). */
export const WRONG_CODES_PER_MINUTE = 10;
const WRONG_CODE_WINDOW_MS = 60_000;
/** Waiting screens held at once: a flood of requests for codes cannot grow the table without bound. */
export const MAX_WAITING = 10_000;

/**
 * Pairing a screen by a short code: a screen without a token asks for a code and shows it; an
 * admin types it with a name; the screen, asking with its secret, gets its own display token once.
 * Codes live 10 minutes and serve once. Pairings and wrong codes are rows of the database, so a
 * code outlives a restart and any node answers (docs/decisions.md, "Pairing codes are rows").
 */
export class PairingService {
  constructor(
    private readonly repository: PairingRepository,
    private readonly displays: DisplaysService,
    private readonly clock: Clock,
  ) {}

  /** A new code for a waiting screen. */
  async start(): Promise<Pairing> {
    const now = this.clock.now();
    const secret = newSecret('tbp');
    const expiresAt = now + PAIRING_VALID_MS;
    const code = await this.repository.transaction(async () => {
      await this.repository.sweep(now);
      if ((await this.repository.count()) >= MAX_WAITING) throw new AppError('rate_limited', 'too many screens are waiting to be paired');
      for (;;) {
        const code = newCode();
        if (await this.repository.insert({ code, secretHash: hashSecret(secret), expiresAt })) return code;
      }
    });
    return { code, secret, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** What the screen showing `code` asks with its secret: still waiting, or its token (given once). */
  async state(code: string, secret: string): Promise<PairingState> {
    const pairing = await this.repository.find(code, this.clock.now());
    const secretHash = hashSecret(secret);
    if (!pairing || !sameHash(pairing.secretHash, secretHash)) throw new AppError('not_found', 'no such pairing code');
    if (pairing.displayId === null) return { status: 'waiting' };
    const paired = await this.repository.transaction(async () => {
      const displayId = await this.repository.take(code, secretHash);
      return displayId === undefined ? undefined : this.displays.issueToken(displayId);
    });
    // Taken by a request of the same screen a moment earlier, or the display was revoked meanwhile.
    if (!paired) throw new AppError('not_found', 'no such pairing code');
    return { status: 'paired', ...paired };
  }

  /**
   * An admin pairs the screen showing `code` under `name`: a display like any other. One
   * transaction claims the code (a compare-and-set: typed at once on two nodes, it pairs one
   * screen) and creates the display; a failure rolls both back, leaving the code to be typed again.
   */
  async pair(principal: Principal, code: string, name: string, ip = ''): Promise<{ id: number; name: string }> {
    const adminId = this.displays.authorize(principal);
    const now = this.clock.now();
    const outcome = await this.repository.transaction(async () => {
      const wrong = await this.repository.wrongCodes(adminId, now - WRONG_CODE_WINDOW_MS);
      if (wrong >= WRONG_CODES_PER_MINUTE) return 'rate_limited' as const;
      if (!(await this.repository.claim(code, now))) {
        // Counted in the transaction that checked the count: parallel guesses see each other.
        await this.repository.addWrongCode(adminId, now, now - WRONG_CODE_WINDOW_MS);
        return 'not_found' as const;
      }
      const created = await this.displays.createForPairing(principal, name, ip);
      await this.repository.paired(code, created.id);
      return created;
    });
    if (outcome === 'rate_limited') throw new AppError('rate_limited', 'too many wrong pairing codes; wait a minute');
    if (outcome === 'not_found') throw new AppError('not_found', 'unknown, used or expired pairing code');
    return outcome;
  }
}

function newCode(): string {
  return Array.from({ length: PAIRING_CODE_LENGTH }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join('');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
