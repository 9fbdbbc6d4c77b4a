import { useT, type MessageKey } from '../i18n';

/** Why the form (or the dialog) was refused, above it; nothing when it was not. */
export function FormError({ error }: { error: MessageKey | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {t(error)}
    </p>
  );
}
