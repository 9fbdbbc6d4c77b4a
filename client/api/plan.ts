import { planImportPreviewSchema, planImportResultSchema, type PlanImportPreview, type PlanImportResult } from '../../shared/api/plan-imports';
import { boardGroupSchema, boardIndicatorSchema, type BoardGroup, type BoardIndicator } from '../../shared/api/board';
import { termListSchema, termSchema, type CreateTermRequest, type IndicatorDefinition, type Term } from '../../shared/api/plan';
import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/api/settings';
import { mergedUnitSchema, unitDetailListSchema, unitDetailSchema, type MergeUnitsRequest, type UnitDetail } from '../../shared/api/units';
import { send } from '../api/http';
import { parseBody } from '../api';

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
  const response = await send('GET', '/api/terms', { signal });
  return (await parseBody(response, termListSchema)).terms;
}

/** A new term; with `carryOverFrom`, that term's groups and indicators come along (new targets by code). */
export async function createTerm(request: CreateTermRequest): Promise<Term> {
  const response = await send('POST', '/api/terms', { body: request });
  return parseBody(response, termSchema);
}

/** Closes a term: read-only from then on. */
export async function closeTerm(id: number): Promise<Term> {
  const response = await send('POST', `/api/terms/${id}/close`, {});
  return parseBody(response, termSchema);
}

/** Makes a term the current one: every screen moves to its board. */
export async function makeTermCurrent(id: number): Promise<Term> {
  const response = await send('POST', `/api/terms/${id}/current`, {});
  return parseBody(response, termSchema);
}

// Groups

export async function createGroup(termId: number, name: string): Promise<PlanGroup> {
  const response = await send('POST', `/api/terms/${termId}/groups`, { body: { name } });
  return parseBody(response, boardGroupSchema);
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
  const response = await send('POST', `/api/terms/${termId}/indicators`, { body: definition });
  return parseBody(response, boardIndicatorSchema);
}

/** Changes the fields sent; the whole definition after the change is checked again on the server. */
export async function updateIndicator(id: number, patch: IndicatorPatch): Promise<BoardIndicator> {
  const response = await send('PATCH', `/api/indicators/${id}`, { body: patch });
  return parseBody(response, boardIndicatorSchema);
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
  const response = await send('POST', `/api/terms/${termId}/plan-imports`, { form });
  return parseBody(response, planImportPreviewSchema);
}

/** Writes every row of a checked file, or none: 400 while a row is in error, 409 once committed. */
export async function commitPlanImport(importId: number): Promise<PlanImportResult> {
  const response = await send('POST', `/api/plan-imports/${importId}/commit`, {});
  return parseBody(response, planImportResultSchema);
}

// Units

/** Every unit with its history: merged ones (`mergedIntoId`) and former names. */
export async function listUnitDetails(signal?: AbortSignal): Promise<UnitDetail[]> {
  const response = await send('GET', '/api/units', { signal });
  return (await parseBody(response, unitDetailListSchema)).units;
}

export async function createUnit(request: { name: string; parentId?: number | null }): Promise<UnitDetail> {
  const response = await send('POST', '/api/units', { body: request });
  return parseBody(response, unitDetailSchema);
}

/** Renames (the old name is kept as history) or moves a unit in the tree. */
export async function updateUnit(id: number, patch: { name?: string; parentId?: number | null }): Promise<UnitDetail> {
  const response = await send('PATCH', `/api/units/${id}`, { body: patch });
  return parseBody(response, unitDetailSchema);
}

/** Merges units into an existing one or a new one; answers the unit they became. */
export async function mergeUnits(request: MergeUnitsRequest): Promise<UnitDetail> {
  const response = await send('POST', '/api/units/merge', { body: request });
  return (await parseBody(response, mergedUnitSchema)).unit;
}

// Settings

export async function getSettings(signal?: AbortSignal): Promise<Settings> {
  const response = await send('GET', '/api/settings', { signal });
  return parseBody(response, settingsSchema);
}

export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const response = await send('PATCH', '/api/settings', { body: patch });
  return parseBody(response, settingsSchema);
}

/** A PNG, JPEG or WebP of at most 300 KB, as the multipart field `file`. */
export async function uploadLogo(file: File): Promise<Settings> {
  const form = new FormData();
  form.append('file', file);
  const response = await send('PUT', '/api/settings/logo', { form });
  return parseBody(response, settingsSchema);
}

export async function removeLogo(): Promise<Settings> {
  const response = await send('DELETE', '/api/settings/logo', {});
  return parseBody(response, settingsSchema);
}
