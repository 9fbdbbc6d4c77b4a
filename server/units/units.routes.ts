import { createUnitRequestSchema, mergedUnitSchema, mergeUnitsRequestSchema, unitDetailListSchema, unitDetailSchema, updateUnitRequestSchema } from '../../shared/api/units';
import type { AuthService } from '../auth/auth.service';
import { refusals } from '../http/answers';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal } from '../http/plumbing';
import type { UnitsService } from './units.service';

export function unitsRoutes(app: Api, auth: AuthService, units: UnitsService): void {
  const admin = async (request: Parameters<typeof requirePrincipal>[1]) => {
    const principal = await requirePrincipal(auth, request);
    units.authorize(principal);
    return principal;
  };

  // The unit tree: anyone signed in may read it (forms, filters, names on the board).
  app.get('/api/units', { schema: { tags: ['units'], response: { 200: unitDetailListSchema } } }, async (request) => {
    await requirePrincipal(auth, request);
    return { units: await units.list() };
  });

  app.post('/api/units', { schema: { tags: ['units'], body: createUnitRequestSchema, response: { 201: unitDetailSchema, ...refusals(404, 409) } } }, async (request, reply) => {
    const principal = await admin(request);
    const { name, parentId } = request.body;
    return reply.status(201).send(await units.create(principal, name, parentId ?? null, request.ip));
  });

  app.patch('/api/units/:id', { schema: { tags: ['units'], params: idParams, body: updateUnitRequestSchema, response: { 200: unitDetailSchema, ...refusals(409) } } }, async (request) => {
    const principal = await admin(request);
    return await units.update(principal, request.params.id, request.body, request.ip);
  });

  app.post('/api/units/merge', { schema: { tags: ['units'], body: mergeUnitsRequestSchema, response: { 200: mergedUnitSchema, ...refusals(404, 409) } } }, async (request) => {
    const principal = await admin(request);
    return { unit: await units.merge(principal, request.body, request.ip) };
  });
}
