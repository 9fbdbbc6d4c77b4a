import type { FastifyInstance } from 'fastify';
import { createUnitRequestSchema, mergeUnitsRequestSchema, updateUnitRequestSchema } from '../../shared/api/units';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { UnitsService } from './units.service';

export function unitsRoutes(app: FastifyInstance, auth: AuthService, units: UnitsService): void {
  const admin = (request: Parameters<typeof requirePrincipal>[1]) => {
    const principal = requirePrincipal(auth, request);
    units.authorize(principal);
    return principal;
  };

  // The unit tree: anyone signed in may read it (forms, filters, names on the board).
  app.get('/api/units', async (request) => {
    requirePrincipal(auth, request);
    return { units: units.list() };
  });

  app.post('/api/units', async (request, reply) => {
    const principal = admin(request);
    const { name, parentId } = parseWith(createUnitRequestSchema, request.body);
    return reply.status(201).send(units.create(principal, name, parentId ?? null, request.ip));
  });

  app.patch('/api/units/:id', async (request) => {
    const principal = admin(request);
    const { id } = parseWith(idParams, request.params);
    return units.update(principal, id, parseWith(updateUnitRequestSchema, request.body), request.ip);
  });

  app.post('/api/units/merge', async (request) => {
    const principal = admin(request);
    return { unit: units.merge(principal, parseWith(mergeUnitsRequestSchema, request.body), request.ip) };
  });
}
