import { planImportPreviewSchema, planImportResultSchema, type PlanImportPreview, type PlanImportResult } from '../../shared/api/plan-imports';
import { boardGroupSchema, boardIndicatorSchema, type BoardGroup, type BoardIndicator } from '../../shared/api/board';
import { termListSchema, termSchema, type CreateTermRequest, type IndicatorDefinition, type Term } from '../../shared/api/plan';
import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/api/settings';
import { mergedUnitSchema, unitDetailListSchema, unitDetailSchema, type MergeUnitsRequest, type UnitDetail } from '../../shared/api/units';
import { send } from '../api/http';
import { sendParsed } from './request';

/**
 * HTTP calls of the plan, units and settings pages. Admins only on the server, except reading the
 * terms and the units, which anyone signed in may do.
 */

/** A change of some fields of an indicator (`indicatorPatchSchema`). */
export type IndicatorPatch = Partial<IndicatorDefinition>;

/** What `POST /api/terms/:id/groups` answers: the group as on the board. */
export type PlanGroup = BoardGroup;

// Terms

/** Every term, closed ones included. */
export async function listTerms(signal?: AbortSignal): Promise<Term[]> {
  return (await sendParsed('GET', '/api/terms', termListSchema, { signal })).terms;
}

/** A new term; with `carryOverFrom`, that term's groups and indicators come along (new targets by code). */
export async function createTerm(request: CreateTermRequest): Promise<Term> {
  return sendParsed('POST', '/api/terms', termSchema, { body: request });
}

/** Closes a term: read-only from then on. */
export async function closeTerm(id: number): Promise<Term> {
  return sendParsed('POST', `/api/terms/${id}/close`, termSchema);
}

/** Makes a term the current one: every screen moves to its board. */
export async function makeTermCurrent(id: number): Promise<Term> {
  return sendParsed('POST', `/api/terms/${id}/current`, termSchema);
}

// Groups

export async function createGroup(termId: number, name: string): Promise<PlanGroup> {
  return sendParsed('POST', `/api/terms/${termId}/groups`, boardGroupSchema, { body: { name } });
}

export async function renameGroup(id: number, name: string): Promise<void> {
  await send('PATCH', `/api/groups/${id}`, { body: { name } });
}

/** The order of the term's groups (= the order of the screen's pages): every group of the term once. */
export async function orderGroups(termId: number, groupIds: readonly number[]): Promise<void> {
  await send('PUT', `/api/terms/${termId}/groups/order`, { body: { groupIds } });
}

// Indicators

/** A new indicator; the answer is the indicator as the board shows it. 409 `conflict` with `fields.code = taken`. */
export async function createIndicator(termId: number, definition: IndicatorDefinition): Promise<BoardIndicator> {
  return sendParsed('POST', `/api/terms/${termId}/indicators`, boardIndicatorSchema, { body: definition });
}

/** Changes the fields sent; the whole definition after the change is checked again on the server. */
export async function updateIndicator(id: number, patch: IndicatorPatch): Promise<BoardIndicator> {
  return sendParsed('PATCH', `/api/indicators/${id}`, boardIndicatorSchema, { body: patch });
}

/** Takes an indicator off the plan (archived: its readings stay). */
export async function archiveIndicator(id: number): Promise<void> {
  await send('DELETE', `/api/indicators/${id}`, {});
}

// Plan import

/** Largest plan file accepted (the server refuses more with 413). */
export const PLAN_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

// The plan import's answers, as the server sends them: one schema for both sides.
export { planImportPreviewSchema, planImportResultSchema, planImportRowSchema } from '../../shared/api/plan-imports';
export type { PlanImportPreview, PlanImportRow } from '../../shared/api/plan-imports';
export type { PlanImportResult };

/** The XLSX template of a plan file (a link to download). */
export function planImportTemplateUrl(termId: number): string {
  return `/api/terms/${termId}/plan-imports/template.xlsx`;
}

/** Checks a plan file (.xlsx or .csv, multipart field `file`) against the term: a dry run, nothing written. */
export async function uploadPlanImport(termId: number, file: File): Promise<PlanImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return sendParsed('POST', `/api/terms/${termId}/plan-imports`, planImportPreviewSchema, { form });
}

/** Writes every row of a checked file, or none: 400 while a row is in error, 409 once committed. */
export async function commitPlanImport(importId: number): Promise<PlanImportResult> {
  return sendParsed('POST', `/api/plan-imports/${importId}/commit`, planImportResultSchema);
}

// Units

/** Every unit with its history: merged ones (`mergedIntoId`) and former names. */
export async function listUnitDetails(signal?: AbortSignal): Promise<UnitDetail[]> {
  return (await sendParsed('GET', '/api/units', unitDetailListSchema, { signal })).units;
}

export async function createUnit(request: { name: string; parentId?: number | null }): Promise<UnitDetail> {
  return sendParsed('POST', '/api/units', unitDetailSchema, { body: request });
}

/** Renames (the old name is kept as history) or moves a unit in the tree. */
export async function updateUnit(id: number, patch: { name?: string; parentId?: number | null }): Promise<UnitDetail> {
  return sendParsed('PATCH', `/api/units/${id}`, unitDetailSchema, { body: patch });
}

/** Merges units into an existing one or a new one; answers the unit they became. */
export async function mergeUnits(request: MergeUnitsRequest): Promise<UnitDetail> {
  return (await sendParsed('POST', '/api/units/merge', mergedUnitSchema, { body: request })).unit;
}

// Settings

export async function getSettings(signal?: AbortSignal): Promise<Settings> {
  return sendParsed('GET', '/api/settings', settingsSchema, { signal });
}

export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  return sendParsed('PATCH', '/api/settings', settingsSchema, { body: patch });
}

/** A PNG, JPEG or WebP of at most 300 KB, as the multipart field `file`. */
export async function uploadLogo(file: File): Promise<Settings> {
  const form = new FormData();
  form.append('file', file);
  return sendParsed('PUT', '/api/settings/logo', settingsSchema, { form });
}

export async function removeLogo(): Promise<Settings> {
  return sendParsed('DELETE', '/api/settings/logo', settingsSchema);
}
