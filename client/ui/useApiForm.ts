import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from '../api/http';
import type { MessageKey } from '../i18n';
import type { FieldErrors, FieldMessages, Issue } from './fieldErrors';

interface CheckOptions<Values extends FieldValues, Request> {
  /** The API's own schema (shared/): the form's request is checked with it before anything is sent. */
  schema: z.ZodType<Request>;
  defaultValues: DefaultValues<Values>;
  /** Where the messages beside the fields live (ui/fieldErrors.ts). */
  messages: FieldMessages;
  /** The request of the form's values, where the form holds them otherwise (text for a number, a changed field only). */
  toRequest?: (values: Values) => unknown;
  /** The form's own rules beyond the schema (a cron that cannot be one): their errors stand before the schema's. */
  ownErrors?: (values: Values) => FieldErrors;
}

interface Options<Values extends FieldValues, Request, Result> extends CheckOptions<Values, Request> {
  /** True when there is nothing to send (nothing changed): `onUnchanged` instead of a request. */
  unchanged?: (values: Values) => boolean;
  onUnchanged?: () => void;
  send: (request: Request) => Promise<Result>;
  onDone?: (result: Result, request: Request) => void;
  /** A refusal said in the form's own words, beside a field (a name already taken): then no reason above the form. */
  refused?: (error: ApiError) => FieldErrors | null;
}

/**
 * The issues behind the zod resolver's errors, nested as the form's values are (a milestone's
 * year: `milestones.2.year`), each with its path: a form's messages place them (ui/fieldErrors.ts).
 */
function issuesOf(errors: object, path: readonly string[] = []): Issue[] {
  return Object.entries(errors).flatMap(([key, error]: [string, unknown]) => {
    if (typeof error !== 'object' || error === null) return [];
    const { type, message } = error as Partial<FieldError>;
    return typeof type === 'string' ? [{ path: [...path, key], code: type, message }] : issuesOf(error, [...path, key]);
  });
}

/**
 * A form on react-hook-form, checked by the zod resolver with a schema from shared/: its errors
 * stand beside their fields as message keys, on the first submit and then following the edits.
 * What the form does with a checked request is its own (useApiForm sends it; a filter applies it).
 */
export function useCheckedForm<Values extends FieldValues, Request>(options: CheckOptions<Values, Request>) {
  const { schema, messages, toRequest } = options;
  const check = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, Request>;
  const resolver: Resolver<Values, unknown, Request> = async (values, context, resolverOptions) => {
    const result = await check((toRequest ? toRequest(values) : values) as FieldValues, context, resolverOptions as never);
    const errors: Record<string, FieldError> = {};
    const placed = { ...messages.ofIssues(issuesOf(result.errors)), ...options.ownErrors?.(values) };
    for (const [field, key] of Object.entries(placed)) if (key) errors[field] = { type: 'check', message: key };
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as never } : { values: result.values as Request, errors: {} };
  };
  const form = useForm<Values, unknown, Request>({ resolver, defaultValues: options.defaultValues });

  /** The message key beside `name` (a nested one too: `milestones.2.year`), if any. */
  const errorOf = (name: string): MessageKey | undefined => (get(form.formState.errors, name) as FieldError | undefined)?.message as MessageKey | undefined;

  /** What a Field takes to be one of this form's fields: registered, with its error. */
  const field = (name: Path<Values>) => ({ ...form.register(name), error: errorOf(name) });

  return { form, field, errorOf };
}

/**
 * A checked form (useCheckedForm) sent as a mutation (a 401 is the QueryClient's,
 * app/queryClient.ts). The API's refusal stands beside the fields too, its reason above the form
 * (`formError`).
 */
export function useApiForm<Values extends FieldValues, Request, Result = unknown>(options: Options<Values, Request, Result>) {
  const { messages } = options;
  const { form, field, errorOf } = useCheckedForm(options);
  const [formError, setFormError] = useState<MessageKey | null>(null);

  const mutation = useMutation({
    mutationFn: (request: Request) => options.send(request),
    onSuccess: (result, request) => options.onDone?.(result, request),
    onError: (error: ApiError) => {
      const own = options.refused?.(error) ?? null;
      // The first field in error takes the focus, as after a failed check.
      Object.entries(own ?? messages.ofApi(error)).forEach(([field, key], index) => {
        if (key) form.setError(field as Path<Values>, { type: 'server', message: key }, { shouldFocus: index === 0 });
      });
      setFormError(own ? null : `errors.${error.code}`);
    },
  });

  const handle = form.handleSubmit((request) => {
    setFormError(null);
    mutation.mutate(request);
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    if (mutation.isPending) {
      event.preventDefault();
      return;
    }
    if (options.unchanged?.(form.getValues())) {
      event.preventDefault();
      options.onUnchanged?.();
      return;
    }
    void handle(event);
  }

  // done: the last submit was saved (until the next one).
  return { form, field, errorOf, submit, busy: mutation.isPending, done: mutation.isSuccess, formError };
}

/** The fields whose value differs from the one the form started with (text compared trimmed): what a patch sends. */
export function changedFields<Values extends Record<string, string>>(values: Values, initial: Values): Partial<Values> {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value.trim() !== initial[key]?.trim())) as Partial<Values>;
}
