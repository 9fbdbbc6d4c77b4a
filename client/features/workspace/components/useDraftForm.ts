import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { Board, BoardIndicator } from '../../../../shared/api/board';
import { dateInZone } from '../../../../shared/time/dates';
import type { ApiError } from '../../../api/http';
import type { MessageKey } from '../../../i18n';
import { unplacedErrors, type FieldErrors } from '../../../ui/fieldErrors';
import { workspaceFields } from '../../../components/workspaceFields';
import { checkDraft, draftFields, type DraftField, type ReadingDraft } from './readingDraft';

/** Today in the board's time zone, by this computer's clock. */
export function boardToday(board: Board): string {
  return dateInZone(Date.now(), board.timeZone);
}

type FormField = DraftField | 'reason';

/**
 * The state of a reading form (a new reading, or with `supersedes` a correction and its reason):
 * the draft, its check by the shared rules (kept current, for the preview), and the errors shown.
 * Errors appear on the first submit and then follow the edits; a server's verdict on a field stays
 * until that field is edited. After each refusal focus moves to the first field in error.
 */
export function useDraftForm(
  formRef: RefObject<HTMLFormElement | null>,
  indicator: BoardIndicator,
  board: Board,
  initial: () => ReadingDraft,
  supersedes?: number,
) {
  const [draft, setDraft] = useState<ReadingDraft>(initial);
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<MessageKey[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);

  const today = boardToday(board);
  const check = useMemo(() => {
    const correction = supersedes === undefined ? undefined : { supersedes, reason };
    return checkDraft(draft, indicator.measure, { start: board.term.start, end: board.term.end }, today, correction);
  }, [draft, reason, supersedes, indicator.measure, board.term.start, board.term.end, today]);

  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest, formRef]);

  const setField = useCallback((field: FormField, value: string) => {
    if (field === 'reason') setReason(value);
    else setDraft((previous) => ({ ...previous, [field]: value }));
    setServerErrors((previous) => {
      if (!previous[field]) return previous;
      const { [field]: _edited, ...rest } = previous;
      return rest;
    });
  }, []);

  /** The input to send, or null after showing what is wrong. */
  function validate() {
    setShowErrors(true);
    setServerErrors({});
    setFormErrors([]);
    if (check.input) return check.input;
    setFocusRequest((n) => n + 1);
    return null;
  }

  /** Shows a refusal: field errors beside their fields, the rest above the form. */
  function showApiError(error: ApiError) {
    const fields = workspaceFields.ofApi(error);
    const shown: string[] = [...draftFields(indicator.measure), ...(supersedes === undefined ? [] : ['reason'])];
    setServerErrors(fields);
    setFormErrors([`errors.${error.code}`, ...unplacedErrors(fields, shown)]);
    if (Object.keys(fields).some((field) => shown.includes(field))) setFocusRequest((n) => n + 1);
  }

  function reset(next: ReadingDraft) {
    setDraft(next);
    setReason('');
    setShowErrors(false);
    setServerErrors({});
    setFormErrors([]);
  }

  const errors: FieldErrors = showErrors ? { ...check.errors } : {};
  for (const [field, key] of Object.entries(serverErrors)) if (key) errors[field] = key;
  return { draft, reason, setField, check, errors, formErrors, setFormErrors, validate, showApiError, reset, today };
}
