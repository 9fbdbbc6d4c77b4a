import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createTermRequestSchema, groupOrderSchema, groupRequestSchema, indicatorDefinitionSchema, indicatorPatchSchema } from '../../shared/api/plan';
import type { AuthService } from '../auth/auth.service';
import { parseWith, requirePrincipal } from '../http/plumbing';
import type { PlanService } from './plan.service';

const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function planRoutes(app: FastifyInstance, auth: AuthService, plan: PlanService): void {
  /** Admin first, then the request: a non-admin learns nothing from a 400. */
  const admin = (request: Parameters<typeof requirePrincipal>[1]) => {
    const principal = requirePrincipal(auth, request);
    plan.authorize(principal);
    return principal;
  };

  app.get('/api/terms', async (request) => {
    requirePrincipal(auth, request);
    return { terms: plan.terms() };
  });

  app.post('/api/terms', async (request, reply) => {
    const principal = admin(request);
    return reply.status(201).send(plan.createTerm(principal, parseWith(createTermRequestSchema, request.body), request.ip));
  });

  app.post('/api/terms/:id/close', async (request) => {
    const principal = admin(request);
    return plan.closeTerm(principal, parseWith(idParams, request.params).id, request.ip);
  });

  app.post('/api/terms/:id/current', async (request) => {
    const principal = admin(request);
    return plan.makeCurrent(principal, parseWith(idParams, request.params).id, request.ip);
  });

  app.post('/api/terms/:id/groups', async (request, reply) => {
    const principal = admin(request);
    const { id } = parseWith(idParams, request.params);
    return reply.status(201).send(plan.createGroup(principal, id, parseWith(groupRequestSchema, request.body).name, request.ip));
  });

  app.put('/api/terms/:id/groups/order', async (request, reply) => {
    const principal = admin(request);
    const { id } = parseWith(idParams, request.params);
    plan.orderGroups(principal, id, parseWith(groupOrderSchema, request.body).groupIds, request.ip);
    return reply.status(204).send();
  });

  app.patch('/api/groups/:id', async (request, reply) => {
    const principal = admin(request);
    const { id } = parseWith(idParams, request.params);
    plan.renameGroup(principal, id, parseWith(groupRequestSchema, request.body).name, request.ip);
    return reply.status(204).send();
  });

  app.post('/api/terms/:id/indicators', async (request, reply) => {
    const principal = admin(request);
    const { id } = parseWith(idParams, request.params);
    return reply.status(201).send(plan.createIndicator(principal, id, parseWith(indicatorDefinitionSchema, request.body), request.ip));
  });

  app.patch('/api/indicators/:id', async (request) => {
    const principal = admin(request);
    const { id } = parseWith(idParams, request.params);
    return plan.updateIndicator(principal, id, parseWith(indicatorPatchSchema, request.body), request.ip);
  });

  app.delete('/api/indicators/:id', async (request, reply) => {
    const principal = admin(request);
    plan.archiveIndicator(principal, parseWith(idParams, request.params).id, request.ip);
    return reply.status(204).send();
  });
}
