import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { logout } from '../api/http';
import { useT } from '../i18n';
import { useNavigateTo } from '../navigation';

/** Signs out, then goes to the login page. */
export function LogoutButton({ className }: { className: string }) {
  const t = useT();
  const [loggingOut, setLoggingOut] = useState(false);
  const navigate = useNavigateTo();
  const queryClient = useQueryClient();

  async function onLogout() {
    setLoggingOut(true);
    try {
      await logout();
    } catch {
      // Whatever the answer, the way forward is the login page; the session cookie is the server's.
    }
    // Nothing the last user saw is kept for the next one.
    queryClient.clear();
    navigate('/login');
  }

  return (
    <button type="button" className={className} onClick={onLogout} disabled={loggingOut}>
      {loggingOut ? t('nav.loggingOut') : t('nav.logout')}
    </button>
  );
}
