import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readingInputSchema, readingsQuerySchema } from '../../shared/api/readings';
import type { AuthService } from '../auth/auth.service';
import { parseWith, requirePrincipal } from '../http/plumbing';
import type { ReadingsService } from './readings.service';

const indicatorParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function readingsRoutes(app: FastifyInstance, auth: AuthService, readings: ReadingsService): void {
  app.post('/api/indicators/:id/readings', async (request, reply) => {
    const principal = requirePrincipal(auth, request);
    const { id } = parseWith(indicatorParams, request.params);
    const input = parseWith(readingInputSchema, request.body);
    const key = request.headers['idempotency-key'];
    const answer = readings.record(principal, id, input, Array.isArray(key) ? key.join(',') : key, request.ip);
    if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(answer.status).send(answer.body);
  });

  app.get('/api/indicators/:id/readings', async (request) => {
    requirePrincipal(auth, request);
    const { id } = parseWith(indicatorParams, request.params);
    const { limit, before } = parseWith(readingsQuerySchema, request.query);
    return { readings: readings.list(id, limit, before) };
  });
}
