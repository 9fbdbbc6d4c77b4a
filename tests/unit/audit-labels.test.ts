import { describe, expect, it } from 'vitest';
import { enAll, viAll } from '../../client/i18n/catalogs';
import { setCatalogs } from '../../client/i18n';
import { auditFieldLabel, auditValueText } from '../../client/features/audit/components/auditValues';
import { mailStatusSchema } from '../../shared/api/mail';
import { indicatorDefinitionSchema, termSchema } from '../../shared/api/plan';
import { planImportRowSchema } from '../../shared/api/plan-imports';
import { readingSchema } from '../../shared/api/readings';
import { settingsSchema } from '../../shared/api/settings';
import { apiTokenSchema } from '../../shared/api/tokens';
import { userSchema } from '../../shared/api/users';

setCatalogs({ vi: viAll, en: enAll });

/**
 * What the server puts in an audit entry's before and after: whole records in the shape of these
 * schemas (toReading, toUser, toToken, toTerm, definitionOf, the settings, a plan file's row), and
 * the few keys written out in the services' `audit` calls.
 */
const RECORDED = [
  ...[readingSchema, userSchema, apiTokenSchema, termSchema, indicatorDefinitionSchema, settingsSchema, mailStatusSchema, planImportRowSchema].flatMap((schema) => Object.keys(schema.shape)),
  // import.committed
  'fileName', 'imported', 'skipped', 'readingIds', 'importId',
  // session.login_failed
  'accountFailures', 'addressFailures',
  // display.updated, term.created, group.created, indicator.archived
  'rotateSeconds', 'carriedOver', 'termId', 'readings',
  // unit.created, unit.updated, unit.merged
  'parentId', 'into', 'moved', 'indicators', 'memberships', 'tokens',
  // a milestone
  'year',
];

describe('the audit log’s field names', () => {
  it.each([...new Set(RECORDED)])('%s has a name in Vietnamese and in English', (field) => {
    expect(auditFieldLabel(field, 'vi')).not.toBe(field);
    expect(auditFieldLabel(field, 'en')).not.toBe(field);
  });

  it('writes codes as their words, instants in Vietnam’s time, numbers and dates the Vietnamese way', () => {
    expect(auditValueText('role', 'editor', 'vi')).toBe('Chuyên viên');
    expect(auditValueText('role', 'editor', 'en')).toBe('Specialist');
    expect(auditValueText('updateFrequency', 'month', 'vi')).toBe('Hằng tháng');
    expect(auditValueText('createdAt', '2026-11-27T20:30:00.000Z', 'vi')).toBe('28/11/2026 03:30');
    expect(auditValueText('date', '2026-11-20', 'vi')).toBe('20/11/2026');
    expect(auditValueText('value', 97.5, 'vi')).toBe('97,5');
    expect(auditValueText('value', 12345.25, 'vi')).toBe('12.345,25');
    expect(auditValueText('supersedesId', 241, 'vi')).toBe('#241');
    expect(auditValueText('readingIds', [1, 2], 'vi')).toBe('#1, #2');
    expect(auditValueText('disabled', false, 'vi')).toBe('Không');
    expect(auditValueText('milestones', [{ year: 2026, value: 50 }], 'vi')).toBe('2026: 50');
    expect(auditValueText('note', '', 'vi')).toBeNull();
  });
});
