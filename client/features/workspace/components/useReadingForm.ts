import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import type { ReadingInput } from '../../../../shared/api/readings';
import { dateInZone } from '../../../../shared/time/dates';
import type { ApiError } from '../../../api/http';
import type { MessageKey } from '../../../i18n';
import { unplacedErrors } from '../../../ui/fieldErrors';
import { workspaceFields } from '../../../components/workspaceFields';
import { checkDraft, draftFields, draftSchema, runningTotalOf, type DraftRules, type ReadingDraft } from './readingDraft';

/** Today in the board's time zone, by this computer's clock. */
export function boardToday(board: Board): string {
  return dateInZone(Date.now(), board.timeZone);
}

/**
 * A reading form on react-hook-form (a new reading, or with `supersedes` a correction and its
 * reason), checked by the zod resolver with the shared schema and rules (`draftSchema`). Errors
 * appear on the first submit and then follow the edits; a server's verdict on a field stays until
 * that field is edited; after each refusal the focus moves to the first field in error. The
 * preview (`preview`) follows every keystroke through `useWatch`: the reading as it would be
 * sent, its reason aside, or null while a figure or the date is wrong.
 */
export function useReadingForm(indicator: BoardIndicator, board: Board, initial: ReadingDraft, supersedes?: number) {
  const today = boardToday(board);
  const runningTotal = runningTotalOf(indicator, supersedes !== undefined);
  const { start, end } = board.term;
  const rules = useMemo<DraftRules>(
    () => ({ measure: indicator.measure, term: { start, end }, today, supersedes, runningTotal }),
    [indicator.measure, start, end, today, supersedes, runningTotal],
  );
  const resolver = useMemo(() => zodResolver(draftSchema(rules)), [rules]);
  const form = useForm<ReadingDraft, unknown, ReadingInput>({ resolver, defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const draft = useWatch({ control: form.control }) as ReadingDraft;
  const preview = useMemo(() => checkDraft(draft, { ...rules, ignoreReason: true }).input, [draft, rules]);
  const [formErrors, setFormErrors] = useState<MessageKey[]>([]);

  /** Shows a refusal: field errors beside their fields (the first one focused), the rest above the form. */
  function showApiError(error: ApiError) {
    const fields = workspaceFields.ofApi(error);
    const shown: string[] = [...draftFields(indicator.measure), ...(supersedes === undefined ? [] : ['reason'])];
    shown
      .filter((field) => fields[field])
      .forEach((field, index) => form.setError(field as Path<ReadingDraft>, { type: 'server', message: fields[field] }, { shouldFocus: index === 0 }));
    setFormErrors([`errors.${error.code}`, ...unplacedErrors(fields, shown)]);
  }

  /** The message key beside a field, if any. */
  const errorOf = (name: keyof ReadingDraft): MessageKey | undefined => form.formState.errors[name]?.message as MessageKey | undefined;
  /** What a Field takes to be one of this form's fields: registered, with its error. */
  const field = (name: keyof ReadingDraft) => ({ ...form.register(name), error: errorOf(name) });

  return { form, field, errorOf, draft, preview, formErrors, setFormErrors, showApiError, today, runningTotal };
}

export type ReadingFormState = ReturnType<typeof useReadingForm>;
