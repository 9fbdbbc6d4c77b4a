import { describe, expect, it } from 'vitest';
import { InvalidEnvError, parseEnv } from '../../server/env';

function errorLines(env: Record<string, string>): string[] {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof InvalidEnvError) return error.lines;
    throw error;
  }
  return [];
}

describe('SMTP_URL and MAIL_FROM', () => {
  it.each([
    ['smtp://127.0.0.1:2525', 'bao-cao@example.gov.vn'],
    ['smtps://bao-cao:mat-khau@mail.example.gov.vn:465', 'Văn phòng UBND <bao-cao@example.gov.vn>'],
  ])('takes %s with MAIL_FROM %s', (url, from) => {
    expect(parseEnv({ SMTP_URL: url, MAIL_FROM: from })).toMatchObject({ SMTP_URL: url, MAIL_FROM: from });
  });

  it('leaves mail off when SMTP_URL is unset or empty', () => {
    expect(parseEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });

  it.each([
    ['http://bao-cao:hunter22@mail.example.gov.vn', 'SMTP_URL'],
    ['smtps://bao-cao:hunter22@', 'SMTP_URL'],
  ])('refuses SMTP_URL=%s in one line naming it, never printing the password', (url, name) => {
    const lines = errorLines({ SMTP_URL: url, MAIL_FROM: 'bao-cao@example.gov.vn' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name}=\\(hidden\\) must be an smtp:// or smtps:// URL`));
    expect(lines.join('\n')).not.toContain('hunter22');
  });

  it('refuses a MAIL_FROM that is no address, and SMTP_URL without MAIL_FROM', () => {
    expect(errorLines({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Văn phòng' })).toEqual([
      'Invalid configuration: MAIL_FROM="Văn phòng" must be an email address, or a name and an address such as "Văn phòng <bao-cao@example.gov.vn>"',
    ]);
    const missing = errorLines({ SMTP_URL: 'smtp://u:hunter22@127.0.0.1:2525' });
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/^Invalid configuration: MAIL_FROM="" must be set when SMTP_URL is/);
    expect(missing[0]).not.toContain('hunter22');
  });
});
