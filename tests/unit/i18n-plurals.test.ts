import { describe, expect, it } from 'vitest';
import { enAll, viAll } from '../../client/i18n/catalogs';
import { setCatalogs, t } from '../../client/i18n';

setCatalogs({ vi: viAll, en: enAll });

describe('plurals behind the message keys', () => {
  it.each([
    [1, '1 indicator'],
    [2, '2 indicators'],
    [0, '0 indicators'],
    [1234, '1,234 indicators'],
  ])('English: %i → %s', (count, text) => {
    expect(t('en', 'display.indicatorCount', { count })).toBe(text);
  });

  it('keeps the other placeholders of the string', () => {
    expect(t('en', 'workspace.list.summary', { count: 1, overdue: 0 })).toBe('1 indicator, 0 of them overdue.');
  });

  it('Vietnamese has one form and vi-VN numbers', () => {
    expect(t('vi', 'workspace.import.commit', { count: 1 })).toBe('Xác nhận ghi 1 dòng mới');
    expect(t('vi', 'workspace.list.summary', { count: 1234, overdue: 1 })).toMatch(/^1234 chỉ tiêu/);
  });

  it('writes an ordinary placeholder as before', () => {
    expect(t('en', 'admin.plan.import.countNew', { count: 1 })).toBe('1 new indicator');
    expect(t('en', 'admin.plan.import.countNew', { count: 3 })).toBe('3 new indicators');
  });
});
