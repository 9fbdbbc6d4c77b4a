import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldError, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from '../api/http';
import type { MessageKey } from '../i18n';
import type { FieldErrors, FieldMessages } from './fieldErrors';

interface Options<Values extends FieldValues, Request, Result> {
  /** The API's own schema (shared/): the form's request is checked with it before anything is sent. */
  schema: z.ZodType<Request>;
  defaultValues: DefaultValues<Values>;
  /** Where the messages beside the fields live (ui/fieldErrors.ts). */
  messages: FieldMessages;
  /** The request of the form's values, where the form holds them otherwise (text for a number, a changed field only). */
  toRequest?: (values: Values) => unknown;
  /** The form's own rules beyond the schema (a cron that cannot be one): their errors stand before the schema's. */
  ownErrors?: (values: Values) => FieldErrors;
  /** True when there is nothing to send (nothing changed): `onUnchanged` instead of a request. */
  unchanged?: (values: Values) => boolean;
  onUnchanged?: () => void;
  send: (request: Request) => Promise<Result>;
  onDone?: (result: Result, request: Request) => void;
  /** A refusal said in the form's own words, beside a field (a name already taken): then no reason above the form. */
  refused?: (error: ApiError) => FieldErrors | null;
}

/** The first zod issue code of a field's error, nested ones (an element of an array) included. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type } = error as Partial<FieldError>;
  if (typeof type === 'string') return type;
  for (const nested of Object.values(error)) {
    const code = codeOf(nested);
    if (code) return code;
  }
  return undefined;
}

/**
 * A form on react-hook-form, checked by the zod resolver with the API's schema from shared/, sent
 * as a mutation (a 401 is the QueryClient's, app/queryClient.ts). The errors of the check and of
 * the API's refusal stand beside their fields as message keys; the refusal's reason above the
 * form (`formError`). Errors appear on the first submit and then follow the edits.
 */
export function useApiForm<Values extends FieldValues, Request, Result = unknown>(options: Options<Values, Request, Result>) {
  const { schema, messages, toRequest } = options;
  const check = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, Request>;
  const resolver: Resolver<Values, unknown, Request> = async (values, context, resolverOptions) => {
    const result = await check((toRequest ? toRequest(values) : values) as FieldValues, context, resolverOptions as never);
    const errors: Record<string, FieldError> = {};
    for (const [field, error] of Object.entries(result.errors)) {
      const key = messages.message(field, codeOf(error) ?? 'invalid');
      errors[field] = { type: 'check', message: key };
    }
    for (const [field, key] of Object.entries(options.ownErrors?.(values) ?? {})) if (key) errors[field] = { type: 'check', message: key };
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as never } : { values: result.values as Request, errors: {} };
  };
  const form = useForm<Values, unknown, Request>({ resolver, defaultValues: options.defaultValues });
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

  /** The message key beside `name`, if any. */
  const errorOf = (name: string): MessageKey | undefined => (form.formState.errors[name]?.message as MessageKey | undefined) ?? undefined;

  /** What a Field takes to be one of this form's fields: registered, with its error. */
  const field = (name: Path<Values>) => ({ ...form.register(name), error: errorOf(name) });

  // done: the last submit was saved (until the next one).
  return { form, field, errorOf, submit, busy: mutation.isPending, done: mutation.isSuccess, formError };
}

/** The fields whose value differs from the one the form started with (text compared trimmed): what a patch sends. */
export function changedFields<Values extends Record<string, string>>(values: Values, initial: Values): Partial<Values> {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value.trim() !== initial[key]?.trim())) as Partial<Values>;
}
