import type { FastifyInstance } from 'fastify';
import { createUnitRequestSchema, mergeUnitsRequestSchema, updateUnitRequestSchema } from '../../shared/api/units';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { UnitsService } from './units.service';

export function unitsRoutes(app: FastifyInstance, auth: AuthService, units: UnitsService): void {
  const admin = async (request: Parameters<typeof requirePrincipal>[1]) => {
    const principal = await requirePrincipal(auth, request);
    units.authorize(principal);
    return principal;
  };

  // The unit tree: anyone signed in may read it (forms, filters, names on the board).
  app.get('/api/units', { schema: { tags: ['units'] } }, async (request) => {
    await requirePrincipal(auth, request);
    return { units: await units.list() };
  });

  app.post('/api/units', { schema: { tags: ['units'], body: createUnitRequestSchema } }, async (request, reply) => {
    const principal = await admin(request);
    const { name, parentId } = parseWith(createUnitRequestSchema, request.body);
    return reply.status(201).send(await units.create(principal, name, parentId ?? null, request.ip));
  });

  app.patch('/api/units/:id', { schema: { tags: ['units'], params: idParams, body: updateUnitRequestSchema } }, async (request) => {
    const principal = await admin(request);
    const { id } = parseWith(idParams, request.params);
    return await units.update(principal, id, parseWith(updateUnitRequestSchema, request.body), request.ip);
  });

  app.post('/api/units/merge', { schema: { tags: ['units'], body: mergeUnitsRequestSchema } }, async (request) => {
    const principal = await admin(request);
    return { unit: await units.merge(principal, parseWith(mergeUnitsRequestSchema, request.body), request.ip) };
  });
}
