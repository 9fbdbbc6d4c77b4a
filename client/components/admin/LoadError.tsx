import { useEffect } from 'react';
import type { ApiError } from '../../api';
import { useT, type MessageKey } from '../../i18n';
import { goToLogin } from '../../navigation';

interface Props {
  error: ApiError;
  /** What could not be loaded, in the page's words. */
  message: MessageKey;
  /** The page to come back to after logging in again. */
  path: string;
}

/**
 * A failed load on an admin page. The session may have ended (401: log in again and come back)
 * or the role changed while the page was open (403: say so); anything else is shown with the
 * API's reason.
 */
export function LoadError({ error, message, path }: Props) {
  const t = useT();
  useEffect(() => {
    if (error.status === 401) goToLogin(path);
  }, [error.status, path]);

  if (error.status === 401) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.status === 403 ? t('admin.notAllowed') : t(message)}</p>
      {error.status !== 403 && <p>{t(`errors.${error.code}`)}</p>}
    </div>
  );
}
