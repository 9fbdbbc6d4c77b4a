import { describe, expect, it } from 'vitest';
import { isoOfTyped, typedOfIso, withSlashes } from '../../client/ui/typedDate';

describe('a date typed day first (ui/DateField)', () => {
  it.each([
    ['15/01/2026', '2026-01-15'],
    ['1/2/2026', '2026-02-01'],
    ['01.12.2026', '2026-12-01'],
    [' 29/02/2028 ', '2028-02-29'],
    ['2026-01-15', '2026-01-15'],
    ['31/02/2026', null],
    ['29/02/2026', null],
    ['15/13/2026', null],
    ['15/01/26', null],
    ['', null],
    ['hôm nay', null],
  ])('%j is %j', (typed, iso) => {
    expect(isoOfTyped(typed)).toBe(iso);
  });

  it('writes yyyy-mm-dd back as dd/mm/yyyy, anything else as it is', () => {
    expect(typedOfIso('2026-01-15')).toBe('15/01/2026');
    expect(typedOfIso('15/0')).toBe('15/0');
  });

  it.each([
    ['15', '1', '15/'],
    ['15/01', '15/0', '15/01/'],
    ['1/02', '1/0', '1/02/'],
    ['15/', '15/0', '15/'],
    ['15012026', '', '15/01/2026'],
    ['1', '', '1'],
  ])('typing %j after %j shows %j', (next, previous, shown) => {
    expect(withSlashes(next, previous)).toBe(shown);
  });
});
