import { readingInputSchema, readingsBatchResultSchema, readingsBatchSchema, readingsPageSchema, readingsQuerySchema, recordedReadingSchema } from '../../shared/api/readings';
import type { AuthService } from '../auth/auth.service';
import { refusals } from '../http/answers';
import { AppError } from '../http/errors';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal } from '../http/plumbing';
import type { ReadingsService } from './readings.service';

const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

/** The batch's body, with the OpenAPI document's word on its refusals (here, not in shared/: the client has no use for it). */
const BATCH_BODY = readingsBatchSchema.describe(
  "All or none. A wrong reading is named in the 400 answer's `fields` as `readings.<index>.<field>`: the reading field codes, " +
    '`unknown_indicator`, `forbidden`, `term_closed`, and `conflicting_rows` on `date` when the batch gives an indicator that takes ' +
    'its latest reading two different figures for one date (each such reading is named). A reading equal to one already there is skipped.',
);

export function readingsRoutes(app: Api, auth: AuthService, readings: ReadingsService): void {
  app.post(
    '/api/indicators/:id/readings',
    { schema: { tags: ['readings'], params: idParams, body: readingInputSchema, response: { 201: recordedReadingSchema, ...refusals(409) } } },
    async (request, reply) => {
      const principal = await requirePrincipal(auth, request);
      const key = request.headers['idempotency-key'];
      const answer = await readings.record(principal, request.params.id, request.body, Array.isArray(key) ? key.join(',') : key, request.ip);
      if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(answer.body);
    },
  );

  // Up to BATCH_MAX_READINGS readings with their notes: a larger body than the API's default.
  app.post(
    '/api/readings',
    { schema: { tags: ['readings'], body: BATCH_BODY, response: { 201: readingsBatchResultSchema, ...refusals(409) } }, bodyLimit: BATCH_BODY_LIMIT },
    async (request, reply) => {
      const principal = await requirePrincipal(auth, request);
      if (principal.kind === 'display' || (principal.kind === 'user' && principal.role === 'viewer')) throw new AppError('forbidden', 'you may not record readings');
      const key = request.headers['idempotency-key'];
      const answer = await readings.recordBatch(principal, request.body.readings, Array.isArray(key) ? key.join(',') : key, request.ip);
      if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(answer.body);
    },
  );

  app.get(
    '/api/indicators/:id/readings',
    { schema: { tags: ['readings'], params: idParams, querystring: readingsQuerySchema, response: { 200: readingsPageSchema } } },
    async (request) => {
      await requirePrincipal(auth, request);
      const { limit, before } = request.query;
      return { readings: await readings.list(request.params.id, limit, before) };
    },
  );
}
