import type { BoardIndicator } from '../../../../shared/api/board';
import type { IndicatorDefinition } from '../../../../shared/api/plan';
import type { Aggregation, Direction, Measure, UpdateFrequency } from '../../../../shared/indicator/model';
import type { IndicatorPatch } from '../../../api/plan';
import type { Lang, MessageKey } from '../../../i18n';
import { fieldMessages, type FieldErrors, type FieldMessages } from '../../../ui/fieldErrors';
import { decimalText, parseDecimal } from '../../../components/numbers';

/** One yearly milestone as typed; `key` keeps its row (and focus) while rows are added and removed. */
export interface MilestoneDraft {
  key: number;
  year: string;
  value: string;
}

/** The indicator form as typed: numbers as text (a Vietnamese decimal comma is fine), ids as select values. */
export interface IndicatorDraft {
  code: string;
  name: string;
  description: string;
  groupId: string;
  ownerUnitId: string;
  measure: Measure;
  aggregation: Aggregation;
  direction: Direction;
  unit: string;
  baseline: string;
  target: string;
  updateFrequency: UpdateFrequency;
  decimals: string;
  milestones: MilestoneDraft[];
}

let nextKey = 1;
export function milestoneKey(): number {
  return nextKey++;
}

/** A new indicator: the most common kind in a term plan (a percentage, its latest reading, rising). */
export function emptyDraft(groupId: number | undefined): IndicatorDraft {
  return {
    code: '',
    name: '',
    description: '',
    groupId: groupId === undefined ? '' : String(groupId),
    ownerUnitId: '',
    measure: 'percent',
    aggregation: 'latest',
    direction: 'increase',
    unit: '%',
    baseline: '',
    target: '',
    updateFrequency: 'month',
    decimals: '0',
    milestones: [],
  };
}

/** The definition of an indicator as the board shows it. */
export function definitionOf(indicator: BoardIndicator): IndicatorDefinition {
  return {
    code: indicator.code,
    name: indicator.name,
    description: indicator.description,
    groupId: indicator.groupId,
    ownerUnitId: indicator.ownerUnit.id,
    measure: indicator.measure,
    aggregation: indicator.aggregation,
    direction: indicator.direction,
    unit: indicator.unit,
    baseline: indicator.baseline,
    target: indicator.target,
    milestones: indicator.milestones,
    updateFrequency: indicator.updateFrequency,
    decimals: indicator.decimals,
  };
}

export function draftOf(indicator: BoardIndicator, lang: Lang): IndicatorDraft {
  return {
    code: indicator.code,
    name: indicator.name,
    description: indicator.description,
    groupId: String(indicator.groupId),
    ownerUnitId: String(indicator.ownerUnit.id),
    measure: indicator.measure,
    aggregation: indicator.aggregation,
    direction: indicator.direction,
    unit: indicator.unit,
    baseline: decimalText(indicator.baseline, lang),
    target: decimalText(indicator.target, lang),
    updateFrequency: indicator.updateFrequency,
    decimals: String(indicator.decimals),
    milestones: indicator.milestones.map((milestone) => ({
      key: milestoneKey(),
      year: String(milestone.year),
      value: decimalText(milestone.value, lang),
    })),
  };
}

/**
 * The messages of the rules of `indicatorRuleSchema`. Its issues all carry the code `custom`;
 * the (stable, English) message says which rule was broken.
 */
const RULE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'a percent indicator takes its latest reading': 'admin.plan.indicator.rule.percentLatest',
  'a percentage lies within 0–100': 'admin.plan.indicator.rule.range',
  'an increasing target lies above its starting value': 'admin.plan.indicator.rule.increaseAbove',
  'a decreasing target lies below its baseline': 'admin.plan.indicator.rule.decreaseBelow',
  'a term total is not negative': 'admin.plan.indicator.rule.totalNotNegative',
  'more decimals than the indicator shows': 'admin.plan.indicator.rule.decimals',
  'one milestone per year': 'admin.plan.indicator.rule.oneMilestonePerYear',
};

const fields = fieldMessages({ field: 'admin.plan.indicator.field' });

/**
 * Where an error of a path is shown, and under which name its messages live: a milestone's year or
 * value beside its own input (`milestones.2.value`), anything else beside its field.
 */
function placeOf(path: readonly string[]): { place: string; field: string } {
  const [first = '_', index, part] = path;
  if (first === 'milestones' && index !== undefined && (part === 'year' || part === 'value')) {
    return { place: `milestones.${index}.${part}`, field: part === 'year' ? 'milestoneYear' : 'milestoneValue' };
  }
  return { place: first, field: first };
}

function collect(issues: Iterable<{ path: readonly string[]; code: string; message?: string }>, into: FieldErrors = {}): FieldErrors {
  for (const issue of issues) {
    const { place, field } = placeOf(issue.path);
    const rule = issue.code === 'custom' && issue.message !== undefined ? RULE_MESSAGES[issue.message] : undefined;
    into[place] ??= rule ?? fields.message(field, issue.code);
  }
  return into;
}

/** The field messages of the indicator form: rule checks by rule, milestones by row. */
export const indicatorMessages: FieldMessages = {
  message: (field, code) => fields.message(field, code),
  ofIssues: (issues) => collect(issues.map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message }))),
  ofCodes: (codes) => collect(Object.entries(codes).map(([path, code]) => ({ path: path.split('.'), code }))),
  ofApi: (error) => indicatorMessages.ofCodes(error.fields),
};

type NumberCheck = { value: number } | { error: 'required' | 'not_number' };

function decimalOf(text: string): NumberCheck {
  const value = parseDecimal(text);
  if (value === undefined) return { error: 'required' };
  return Number.isFinite(value) ? { value } : { error: 'not_number' };
}

function integerOf(text: string): NumberCheck {
  const compact = text.trim();
  if (compact === '') return { error: 'required' };
  return /^\d+$/.test(compact) ? { value: Number(compact) } : { error: 'not_number' };
}

/** The draft's numbers as read, each with where its error stands and under which name its messages live. */
function numbersOf(draft: IndicatorDraft): Array<{ place: string; field: string; check: NumberCheck }> {
  return [
    { place: 'baseline', field: 'baseline', check: decimalOf(draft.baseline) },
    { place: 'target', field: 'target', check: decimalOf(draft.target) },
    { place: 'decimals', field: 'decimals', check: integerOf(draft.decimals) },
    ...draft.milestones.flatMap((milestone, index) => [
      { place: `milestones.${index}.year`, field: 'milestoneYear', check: integerOf(milestone.year) },
      { place: `milestones.${index}.value`, field: 'milestoneValue', check: decimalOf(milestone.value) },
    ]),
  ];
}

/** A number as the request carries it: NaN where none could be read, which the schema refuses before judging any rule. */
const valueOf = (check: NumberCheck): number => ('value' in check ? check.value : Number.NaN);

/**
 * The draft as the API's definition, for `indicatorDefinitionSchema` (the form's zod resolver). A
 * number that could not be read is NaN: zod then judges no rule, so no rule is said about a
 * number that was not typed; what is wrong with the number itself is `numberErrors`'.
 */
export function requestOf(draft: IndicatorDraft): unknown {
  return {
    code: draft.code.trim(),
    name: draft.name,
    description: draft.description,
    groupId: draft.groupId === '' ? undefined : Number(draft.groupId),
    ownerUnitId: draft.ownerUnitId === '' ? undefined : Number(draft.ownerUnitId),
    measure: draft.measure,
    aggregation: draft.aggregation,
    direction: draft.direction,
    unit: draft.unit,
    baseline: valueOf(decimalOf(draft.baseline)),
    target: valueOf(decimalOf(draft.target)),
    milestones: draft.milestones.map((milestone) => ({ year: valueOf(integerOf(milestone.year)), value: valueOf(decimalOf(milestone.value)) })),
    updateFrequency: draft.updateFrequency,
    decimals: valueOf(integerOf(draft.decimals)),
  };
}

/** The numbers of the draft that are empty or not numbers, beside their inputs ("Nhập giá trị đầu kỳ"). */
export function numberErrors(draft: IndicatorDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const { place, field, check } of numbersOf(draft)) if ('error' in check) errors[place] = fields.message(field, check.error);
  return errors;
}

const DEFINITION_KEYS = [
  'code',
  'name',
  'description',
  'groupId',
  'ownerUnitId',
  'measure',
  'aggregation',
  'direction',
  'unit',
  'baseline',
  'target',
  'milestones',
  'updateFrequency',
  'decimals',
] as const satisfies ReadonlyArray<keyof IndicatorDefinition>;

/** The fields that changed, and only those; empty when nothing did. */
export function changesOf(before: IndicatorDefinition, after: IndicatorDefinition): IndicatorPatch {
  const patch: Record<string, unknown> = {};
  for (const key of DEFINITION_KEYS) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch as IndicatorPatch;
}

/**
 * The fields of the definition that have a default in `indicatorDefinitionSchema`. Its patch schema
 * makes them optional, but zod 4 still applies a default inside `.optional()`: a PATCH without
 * them would reset the description, the unit, the milestones and the decimals. They travel with
 * every change, as they stand, until the patch schema drops the defaults.
 */
const DEFAULTED_KEYS = ['description', 'unit', 'milestones', 'decimals'] as const satisfies ReadonlyArray<keyof IndicatorDefinition>;

/** What a PATCH sends for a change: the fields that changed (and the defaulted ones, see above). */
export function patchOf(before: IndicatorDefinition, after: IndicatorDefinition): IndicatorPatch {
  const changes = changesOf(before, after);
  if (Object.keys(changes).length === 0) return changes;
  const patch: Record<string, unknown> = { ...changes };
  for (const key of DEFAULTED_KEYS) patch[key] ??= after[key];
  return patch as IndicatorPatch;
}
