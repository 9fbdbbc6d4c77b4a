import { LOGO_MAX_BYTES, LOGO_TYPES, settingsPatchSchema, settingsSchema } from '../../shared/api/settings';
import type { AuthService } from '../auth/auth.service';
import { fileAnswer, refusals } from '../http/answers';
import { AppError } from '../http/errors';
import type { Api } from '../http/openapi';
import { requirePrincipal, uploadedFile } from '../http/plumbing';
import type { SettingsService } from './settings.service';

export function settingsRoutes(app: Api, auth: AuthService, settings: SettingsService): void {
  app.get('/api/settings', { schema: { tags: ['settings'], response: { 200: settingsSchema } } }, async (request) => {
    return settings.readBy(await requirePrincipal(auth, request));
  });

  app.patch('/api/settings', { schema: { tags: ['settings'], body: settingsPatchSchema, response: { 200: settingsSchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    settings.authorize(principal);
    return settings.update(principal, request.body, request.ip);
  });

  app.put('/api/settings/logo', { schema: { tags: ['settings'], consumes: ['multipart/form-data'], response: { 200: settingsSchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    settings.authorize(principal);
    // One byte over the limit is read, so that the service can refuse it with its own check.
    const file = await uploadedFile(request, LOGO_MAX_BYTES + 1, `a logo is at most ${LOGO_MAX_BYTES / 1024} KB`);
    return settings.setLogo(principal, file.content, request.ip);
  });

  app.delete('/api/settings/logo', { schema: { tags: ['settings'], response: { 200: settingsSchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    settings.authorize(principal);
    return settings.setLogo(principal, null, request.ip);
  });

  // Public: screens show it without a session, and a logo is no secret.
  app.get('/api/settings/logo', { schema: { tags: ['settings'], response: { 200: fileAnswer("The office's logo", ...LOGO_TYPES), ...refusals(404) } }, config: { public: true } }, async (_request, reply) => {
    const logo = await settings.logo();
    if (!logo) throw new AppError('not_found', 'no logo');
    return reply.type(logo.type).header('cache-control', 'public, max-age=86400').send(logo.content);
  });
}
