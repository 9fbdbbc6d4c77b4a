import type { FastifyInstance } from 'fastify';
import { readingInputSchema, readingsBatchSchema, readingsQuerySchema } from '../../shared/api/readings';
import type { AuthService } from '../auth/auth.service';
import { AppError } from '../http/errors';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { ReadingsService } from './readings.service';

const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

export function readingsRoutes(app: FastifyInstance, auth: AuthService, readings: ReadingsService): void {
  app.post('/api/indicators/:id/readings', { schema: { tags: ['readings'], params: idParams, body: readingInputSchema } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    const { id } = parseWith(idParams, request.params);
    const input = parseWith(readingInputSchema, request.body);
    const key = request.headers['idempotency-key'];
    const answer = await readings.record(principal, id, input, Array.isArray(key) ? key.join(',') : key, request.ip);
    if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).send(answer.body);
  });

  // Up to BATCH_MAX_READINGS readings with their notes: a larger body than the API's default.
  app.post('/api/readings', { schema: { tags: ['readings'], body: readingsBatchSchema }, bodyLimit: BATCH_BODY_LIMIT }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    if (principal.kind === 'display' || (principal.kind === 'user' && principal.role === 'viewer')) throw new AppError('forbidden', 'you may not record readings');
    const { readings: batch } = parseWith(readingsBatchSchema, request.body);
    const key = request.headers['idempotency-key'];
    const answer = await readings.recordBatch(principal, batch, Array.isArray(key) ? key.join(',') : key, request.ip);
    if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).send(answer.body);
  });

  app.get('/api/indicators/:id/readings', { schema: { tags: ['readings'], params: idParams, querystring: readingsQuerySchema } }, async (request) => {
    await requirePrincipal(auth, request);
    const { id } = parseWith(idParams, request.params);
    const { limit, before } = parseWith(readingsQuerySchema, request.query);
    return { readings: await readings.list(id, limit, before) };
  });
}
