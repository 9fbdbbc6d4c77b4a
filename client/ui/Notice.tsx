import type { ApiError } from '../api/http';
import { useT, type MessageKey } from '../i18n';

interface Props {
  error: ApiError;
  /** What could not be loaded, in the page's words. */
  message: MessageKey;
}

/**
 * A failed load on an admin page. The session may have ended (401: the login page is on its way)
 * or the role changed while the page was open (403: say so); anything else is shown with the
 * API's reason.
 */
export function LoadError({ error, message }: Props) {
  const t = useT();
  // A session that ended is the QueryClient's to handle (client/app/queryClient.ts): the login page is on its way.
  if (error.status === 401) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.status === 403 ? t('admin.notAllowed') : t(message)}</p>
      {error.status !== 403 && <p>{t(`errors.${error.code}`)}</p>}
    </div>
  );
}
