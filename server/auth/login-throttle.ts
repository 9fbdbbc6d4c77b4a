import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { LoginAttemptsRepository } from './login-attempts.repository';

/**
 * Progressive delays instead of a lock. After `freeFailures` failures, an address — or an account,
 * for addresses it has not signed in from — must wait `firstDelayMs`, doubling with each further
 * failure up to `maxDelayMs`, after its last failure before the next attempt is even checked. A
 * count quiet for `quietResetMs` starts again; an address an account signed in from is known for
 * `knownForMs`.
 */
export const LOGIN_THROTTLE = {
  freeFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  quietResetMs: 24 * 60 * 60 * 1000,
  knownForMs: 90 * 24 * 60 * 60 * 1000,
};

/** How long after its last failure a key with `failures` must wait: 0 while its failures are free. */
export function delayAfter(failures: number): number {
  if (failures < LOGIN_THROTTLE.freeFailures) return 0;
  return Math.min(LOGIN_THROTTLE.firstDelayMs * 2 ** (failures - LOGIN_THROTTLE.freeFailures), LOGIN_THROTTLE.maxDelayMs);
}

/** 429 with the seconds to wait (sent as Retry-After). */
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `too many failed sign-ins: try again in ${retryAfterSeconds} s`);
  }
}

/** One attempt on its way: counted as a failure until it succeeds. */
export interface Attempt {
  account: string;
  ip: string;
  keys: { account: string; address: string; known: string };
  failures: { account: number; address: number };
}

/**
 * The delays of sign-ins and password changes. A right password from an address the account
 * knows is never refused because someone elsewhere guessed wrong; a guesser is slowed down per
 * address and, from unknown addresses, per account. Each attempt is counted before its password
 * is checked, so parallel guesses see each other.
 */
export class LoginThrottle {
  constructor(
    private readonly repository: LoginAttemptsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async begin(account: string, ip: string): Promise<Attempt> {
    const keys = { account: `account:${account}`, address: `address:${ip}`, known: `known:${account}|${ip}` };
    const now = this.clock.now();
    const counts = await this.repository.counts(Object.values(keys));
    const known = (counts.get(keys.known)?.lastAt ?? -Infinity) > now - LOGIN_THROTTLE.knownForMs;
    const waitOf = (key: string) => {
      const count = counts.get(key);
      if (!count || count.lastAt < now - LOGIN_THROTTLE.quietResetMs) return 0;
      return Math.max(0, count.lastAt + delayAfter(count.failures) - now);
    };
    const wait = Math.max(waitOf(keys.address), known ? 0 : waitOf(keys.account));
    if (wait > 0) throw new TooManyAttempts(Math.ceil(wait / 1000));
    const counted = await this.repository.addFailure([keys.account, keys.address], now, now - LOGIN_THROTTLE.quietResetMs);
    return { account, ip, keys, failures: { account: counted.get(keys.account) ?? 1, address: counted.get(keys.address) ?? 1 } };
  }

  /** The password was right: the attempt is not a failure, and the address is known to the account. */
  async succeeded(attempt: Attempt): Promise<void> {
    const now = this.clock.now();
    await this.repository.forgiveFailure([attempt.keys.account, attempt.keys.address]);
    await this.repository.markKnown(attempt.keys.known, now, now - LOGIN_THROTTLE.knownForMs);
  }

  /**
   * The password was wrong. Audited for an account at the first failure of a burst, when its
   * delays begin, and at each doubling after; for an address (whatever names it tries) when its
   * delays begin and at each doubling — a few rows however long the guessing goes on, each with
   * the counts. A guess at a name that is no account adds a row only through its address.
   */
  async failed(attempt: Attempt, userId: number | null): Promise<void> {
    const { account, address } = attempt.failures;
    const accountMilestone = userId !== null && (account === 1 || isDoubling(account));
    if (!accountMilestone && !isDoubling(address)) return;
    await this.repository.transaction(() =>
      this.audit.record(
        { kind: 'anonymous', id: null, name: attempt.account, ip: attempt.ip },
        { action: 'session.login_failed', entity: 'user', entityId: userId, after: { accountFailures: account, addressFailures: address } },
      ),
    );
  }

  /** An admin set a new password: the account's count starts again. */
  cleared(account: string): Promise<void> {
    return this.repository.clear(`account:${account}`);
  }
}

/** The count at which delays begin, and each power of two past it. */
function isDoubling(failures: number): boolean {
  return failures === LOGIN_THROTTLE.freeFailures || (failures > LOGIN_THROTTLE.freeFailures && Number.isInteger(Math.log2(failures)));
}
