import { createHash } from 'node:crypto';
import type { MailStatus } from '../../shared/api/mail';
import { LOGO_MAX_BYTES, type Settings, type SettingsPatch } from '../../shared/api/settings';
import { isTimeZone } from '../../shared/time/dates';
import { actorOf } from '../audit/audit.service';
import { isAdmin, type Principal } from '../auth/principal';
import type { WritePipeline } from '../changes/write-pipeline';
import { scheduleProblem } from '../exports/schedule';
import { DomainError } from '../errors';
import type { SettingsRepository } from './settings.repository';

export const SETTING = {
  officeName: 'office.name',
  logo: 'office.logo',
  defaultLang: 'screens.defaultLang',
  defaultTheme: 'screens.defaultTheme',
  exportCron: 'exports.cron',
  exportTimeZone: 'exports.timeZone',
  exportRetentionWeeks: 'exports.retentionWeeks',
  reportRecipients: 'mail.reportRecipients',
  alertRecipients: 'mail.alertRecipients',
} as const;

export interface ExportSchedule {
  cron: string;
  timeZone: string;
  retentionWeeks: number;
}

/** The first bytes of each image type a logo may be: the type is read from the file, not claimed. */
function imageType(content: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | undefined {
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 4).toString('latin1') === 'RIFF' && content.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

/**
 * What an office sets without a developer: its name and logo on screens and exports, the
 * screens' default language and theme, the export schedule, who is mailed the report and the
 * alerts. Environment values are defaults.
 */
export class SettingsService {
  constructor(
    private readonly repository: SettingsRepository,
    private readonly pipeline: WritePipeline,
    private readonly defaults: { officeName: string; exportSchedule: ExportSchedule; mail: MailStatus },
    private readonly effects: { scheduleChanged(schedule: ExportSchedule): Promise<void> },
  ) {}

  async get(): Promise<Settings> {
    const values = await this.repository.all();
    const value = <T>(key: string) => values.get(key) as T | undefined;
    const logo = value<{ type: string; data: string }>(SETTING.logo);
    return {
      officeName: value<string>(SETTING.officeName) ?? this.defaults.officeName,
      logoUrl: logo ? `/api/settings/logo?v=${createHash('sha256').update(logo.data).digest('hex').slice(0, 12)}` : null,
      defaultLang: value<'vi' | 'en'>(SETTING.defaultLang) ?? 'vi',
      defaultTheme: value<'dark' | 'light'>(SETTING.defaultTheme) ?? 'dark',
      ...this.schedulePart(values),
      reportRecipients: value<string[]>(SETTING.reportRecipients) ?? [],
      alertRecipients: value<string[]>(SETTING.alertRecipients) ?? [],
      mail: this.defaults.mail,
    };
  }

  /** The settings as `principal` may read them: the recipients' addresses are for admins only. */
  async readBy(principal: Principal): Promise<Settings> {
    const settings = await this.get();
    if (isAdmin(principal)) return settings;
    const { reportRecipients: _report, alertRecipients: _alert, ...rest } = settings;
    return rest;
  }

  /** Who receives every finished export by email. */
  async reportRecipients(): Promise<string[]> {
    return (await this.repository.get<string[]>(SETTING.reportRecipients)) ?? [];
  }

  /** Who receives an alert when an indicator's status gets worse. */
  async alertRecipients(): Promise<string[]> {
    return (await this.repository.get<string[]>(SETTING.alertRecipients)) ?? [];
  }

  async exportSchedule(): Promise<ExportSchedule> {
    const { exportCron, exportTimeZone, exportRetentionWeeks } = this.schedulePart(await this.repository.all());
    return { cron: exportCron, timeZone: exportTimeZone, retentionWeeks: exportRetentionWeeks };
  }

  async update(principal: Principal, patch: SettingsPatch, ip: string): Promise<Settings> {
    this.authorize(principal);
    if (patch.exportTimeZone !== undefined && !isTimeZone(patch.exportTimeZone)) {
      throw new DomainError('validation_failed', 'not a time zone', { exportTimeZone: 'invalid' });
    }
    // Read, checked and written in one transaction: `before` is what this change replaced.
    await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const before = await this.get();
      const cron = patch.exportCron ?? before.exportCron;
      const timeZone = patch.exportTimeZone ?? before.exportTimeZone;
      const problem = scheduleProblem(cron, timeZone);
      if (problem) throw new DomainError('validation_failed', problem === 'invalid' ? 'not a cron expression' : 'exports run at most once an hour', { exportCron: problem });
      for (const [field, value] of Object.entries(patch)) await this.repository.set(SETTING[field as keyof SettingsPatch], value);
      await unit.audit({ action: 'settings.updated', entity: 'settings', entityId: null, before, after: await this.get() });
      // The office's name and the screens' defaults are on the board.
      if (patch.officeName !== undefined || patch.defaultLang !== undefined || patch.defaultTheme !== undefined) await unit.currentBoardChanged();
    });
    if (patch.exportCron !== undefined || patch.exportTimeZone !== undefined || patch.exportRetentionWeeks !== undefined) {
      await this.effects.scheduleChanged(await this.exportSchedule());
    }
    return this.get();
  }

  async setLogo(principal: Principal, content: Buffer | null, ip: string): Promise<Settings> {
    this.authorize(principal);
    let logo: { type: string; data: string } | null = null;
    if (content) {
      if (content.length > LOGO_MAX_BYTES) throw new DomainError('payload_too_large', `a logo is at most ${LOGO_MAX_BYTES / 1024} KB`);
      const type = imageType(content);
      if (!type) throw new DomainError('unsupported_media_type', 'a logo is a PNG, JPEG or WebP image');
      logo = { type, data: content.toString('base64') };
    }
    await this.pipeline.run(actorOf(principal, ip), async (unit) => {
      const before = await this.get();
      if (logo) await this.repository.set(SETTING.logo, logo);
      else await this.repository.remove(SETTING.logo);
      const after = await this.get();
      await unit.audit({ action: 'settings.updated', entity: 'settings', entityId: null, before: { logoUrl: before.logoUrl }, after: { logoUrl: after.logoUrl } });
      await unit.currentBoardChanged();
    });
    return this.get();
  }

  async logo(): Promise<{ type: string; content: Buffer } | undefined> {
    const logo = await this.repository.get<{ type: string; data: string }>(SETTING.logo);
    return logo && { type: logo.type, content: Buffer.from(logo.data, 'base64') };
  }

  authorize(principal: Principal): void {
    if (!isAdmin(principal)) throw new DomainError('forbidden', 'only an admin changes the settings');
  }

  private schedulePart(values: Map<string, unknown>) {
    const value = <T>(key: string) => values.get(key) as T | undefined;
    return {
      exportCron: value<string>(SETTING.exportCron) ?? this.defaults.exportSchedule.cron,
      exportTimeZone: value<string>(SETTING.exportTimeZone) ?? this.defaults.exportSchedule.timeZone,
      exportRetentionWeeks: value<number>(SETTING.exportRetentionWeeks) ?? this.defaults.exportSchedule.retentionWeeks,
    };
  }
}
