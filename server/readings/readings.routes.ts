import type { FastifyInstance } from 'fastify';
import { readingInputSchema, readingsQuerySchema } from '../../shared/api/readings';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { ReadingsService } from './readings.service';

export function readingsRoutes(app: FastifyInstance, auth: AuthService, readings: ReadingsService): void {
  app.post('/api/indicators/:id/readings', async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    const { id } = parseWith(idParams, request.params);
    const input = parseWith(readingInputSchema, request.body);
    const key = request.headers['idempotency-key'];
    const answer = await readings.record(principal, id, input, Array.isArray(key) ? key.join(',') : key, request.ip);
    if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).send(answer.body);
  });

  app.get('/api/indicators/:id/readings', async (request) => {
    await requirePrincipal(auth, request);
    const { id } = parseWith(idParams, request.params);
    const { limit, before } = parseWith(readingsQuerySchema, request.query);
    return { readings: await readings.list(id, limit, before) };
  });
}
