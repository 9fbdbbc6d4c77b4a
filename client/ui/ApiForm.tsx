import { useId, type FormEventHandler, type ReactNode, type Ref } from 'react';
import type { MessageKey } from '../i18n';
import { FormError } from './FormError';

interface Props {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The API's refusal (useApiForm's `formError`), said above the fields. */
  error: MessageKey | null;
  /** The form's heading, which names it; `hidden` keeps it for screen readers only (the row being edited shows what it is). */
  heading?: string | undefined;
  headingHidden?: boolean;
  className?: string;
  ref?: Ref<HTMLFormElement>;
  children: ReactNode;
}

/**
 * A form sent through useApiForm: checked by its schema, not by the browser (`noValidate`), named
 * by its heading when it has one, with the API's refusal above its fields.
 */
export function ApiForm({ onSubmit, error, heading, headingHidden = false, className = 'admin-form', ref, children }: Props) {
  const id = useId();
  const headingId = heading === undefined ? undefined : `${id}-heading`;
  return (
    <form ref={ref} className={className} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      {heading !== undefined && (
        <h3 id={headingId} className={headingHidden ? 'visually-hidden' : undefined}>
          {heading}
        </h3>
      )}
      <FormError error={error} />
      {children}
    </form>
  );
}
