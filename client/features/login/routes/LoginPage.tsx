import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { loginRequestSchema, type LoginRequest } from '../../../../shared/api/session';
import { login } from '../../../api';
import { fieldErrorKey, useT, type MessageKey } from '../../../i18n';
import { safeNext, useNavigateTo } from '../../../navigation';
import { usePageTitle } from '../../../components/usePageTitle';
import { Field } from '../../../ui/Field';

/**
 * Username and password, checked by the API's own schema (shared/api/session.ts) before they
 * are sent; on success the session cookie is set and the board (or `?next=`) opens.
 */
export function LoginPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const navigate = useNavigateTo();
  const queryClient = useQueryClient();
  // Read once: where to go is decided by the link that opened the page.
  const next = useMemo(() => safeNext(new URLSearchParams(window.location.search).get('next')), []);
  const form = useForm<LoginRequest>({ resolver: zodResolver(loginRequestSchema), defaultValues: { username: '', password: '' } });
  const [error, setError] = useState<MessageKey | null>(null);
  const signIn = useMutation({
    mutationFn: (request: LoginRequest) => login(request),
    onSuccess: () => {
      // A new session: nothing asked for under another (or none) is kept.
      queryClient.clear();
      navigate(next ?? '/', { replace: true });
    },
    onError: (apiError) => {
      setError(`errors.${apiError.code}`);
      for (const [field, code] of Object.entries(apiError.fields))
        if (field === 'username' || field === 'password') form.setError(field, { type: 'server', message: fieldErrorKey(code) });
      form.resetField('password');
    },
  });
  const submitting = signIn.isPending || signIn.isSuccess;

  const onSubmit = form.handleSubmit(
    (request) => {
      setError(null);
      signIn.mutate(request);
    },
    // Either field empty: one message says both are needed, as before anything is sent.
    () => setError('login.missing'),
  );

  // The API's word on a field is shown beside it; an empty field is said once, above (login.missing).
  const { errors } = form.formState;
  const usernameError = errors.username?.type === 'server' ? (errors.username.message as MessageKey) : undefined;
  const passwordError = errors.password?.type === 'server' ? (errors.password.message as MessageKey) : undefined;

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

        <Field
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={100}
          {...form.register('username')}
          error={usernameError}
          autoFocus
        />
        <Field label={t('login.password')} type="password" autoComplete="current-password" required maxLength={200} {...form.register('password')} error={passwordError} />

        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
