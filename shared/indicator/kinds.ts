/**
 * The kinds an indicator and its status come in, and the one rule on them that needs no schema:
 * apart from model.ts (which re-exports them) so that code without zod (a screen) can use them.
 */
export const MEASURES = ['count', 'percent', 'ratio', 'number'] as const;
export const AGGREGATIONS = ['cumulative', 'latest'] as const;
export const DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export const FREQUENCIES = ['week', 'month', 'quarter', 'year'] as const;
export const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;

export type Measure = (typeof MEASURES)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type UpdateFrequency = (typeof FREQUENCIES)[number];
export type Status = (typeof STATUSES)[number];

/**
 * True for a total summed over the term (a cumulative count or number), which starts the term at
 * zero. A cumulative `ratio` is a share of sums (on-time dossiers over all dossiers of the term):
 * a level like a percentage, starting from its baseline.
 */
export function isTermTotal(rule: { aggregation: Aggregation; measure: Measure }): boolean {
  return rule.aggregation === 'cumulative' && rule.measure !== 'ratio';
}
