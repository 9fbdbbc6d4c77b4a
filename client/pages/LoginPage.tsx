import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, login } from '../api';
import { fieldErrorKey, useT, type MessageKey } from '../i18n';
import { safeNext, useNavigateTo } from '../navigation';

/** Username and password; on success the session cookie is set and the board (or `?next=`) opens. */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigateTo();
  const queryClient = useQueryClient();
  // Read once: where to go is decided by the link that opened the page.
  const next = useMemo(() => safeNext(new URLSearchParams(window.location.search).get('next')), []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, MessageKey>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    if (!username.trim() || !password) {
      setError('login.missing');
      return;
    }
    setSubmitting(true);
    setError(null);
    setFieldErrors({});
    try {
      await login({ username: username.trim(), password });
      // A new session: nothing asked for under another (or none) is kept.
      queryClient.clear();
      navigate(next ?? '/', { replace: true });
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'unexpected_response', String(caught));
      setError(`errors.${apiError.code}`);
      setFieldErrors(Object.fromEntries(Object.entries(apiError.fields).map(([field, code]) => [field, fieldErrorKey(code)])));
      setPassword('');
      setSubmitting(false);
    }
  }

  const usernameError = fieldErrors.username;
  const passwordError = fieldErrors.password;

  return (
    <main className="login">
      <form className="login-form" onSubmit={onSubmit} noValidate aria-describedby={error ? 'login-error' : undefined}>
        <h1>{t('login.title')}</h1>
        <p className="login-intro">{t('login.intro')}</p>

        {error && (
          <p className="notice notice-error" id="login-error" role="alert">
            {t(error)}
          </p>
        )}

        <label className="field">
          <span className="field-label">{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={100}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={usernameError ? true : undefined}
            autoFocus
          />
          {usernameError && <span className="field-error">{t(usernameError)}</span>}
        </label>

        <label className="field">
          <span className="field-label">{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={passwordError ? true : undefined}
          />
          {passwordError && <span className="field-error">{t(passwordError)}</span>}
        </label>

        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
