import { useT, type MessageKey } from '../i18n';

/** Why a form was refused, above it: the error's own message, then any field it could not place. */
export function FormErrors({ errors, extra }: { errors: readonly MessageKey[]; extra?: string }) {
  const t = useT();
  if (errors.length === 0) return null;
  const [first, ...rest] = [...new Set(errors)];
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(first!)}</p>
      {rest.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      {extra && <p>{extra}</p>}
    </div>
  );
}
