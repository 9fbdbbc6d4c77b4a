import type { FastifyRequest } from 'fastify';
import {
  claimPairingRequestSchema,
  commandResultSchema,
  createDisplayRequestSchema,
  createdDisplaySchema,
  displayListSchema,
  displaySchema,
  pairDisplayRequestSchema,
  pairedDisplaySchema,
  pairingSchema,
  pairingStateSchema,
  updateDisplayRequestSchema,
} from '../../shared/api/displays';
import { displayCommandSchema } from '../../shared/realtime/events';
import type { AuthService } from '../auth/auth.service';
import { noContent, refusals } from '../http/answers';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal } from '../http/plumbing';
import type { DisplaysService } from './displays.service';
import type { PairingService } from './pairing.service';

/** Pairing codes one client address may ask for in a minute. */
export const PAIRINGS_PER_ADDRESS_PER_MINUTE = 60;

export function displaysRoutes(
  app: Api,
  auth: AuthService,
  displays: DisplaysService,
  pairing: PairingService,
  publicUrl: string | undefined,
): void {
  const baseUrl = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;

  // A screen without a token (no login): a code to show, and the secret it claims its token with.
  // Each is a write: limited per address (a screen asks about every 10 minutes).
  app.post(
    '/api/displays/pairings',
    { schema: { tags: ['displays'], response: { 201: pairingSchema } }, config: { public: true, rateLimit: { max: PAIRINGS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } } },
    async (_request, reply) => reply.status(201).send(await pairing.start()),
  );

  app.post(
    '/api/displays/pairings/claim',
    { schema: { tags: ['displays'], body: claimPairingRequestSchema, response: { 200: pairingStateSchema, ...refusals(404) } }, config: { public: true } },
    async (request) => pairing.state(request.body.code, request.body.secret),
  );

  app.post(
    '/api/displays/pair',
    { schema: { tags: ['displays'], body: pairDisplayRequestSchema, response: { 201: pairedDisplaySchema, ...refusals(404, 429) } } },
    async (request, reply) => {
      const principal = await requirePrincipal(auth, request);
      displays.authorize(principal);
      return reply.status(201).send(await pairing.pair(principal, request.body.code, request.body.name, request.ip));
    },
  );

  app.post('/api/displays', { schema: { tags: ['displays'], body: createDisplayRequestSchema, response: { 201: createdDisplaySchema } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    return reply.status(201).send(await displays.create(principal, request.body.name, baseUrl(request), request.ip));
  });

  app.get('/api/displays', { schema: { tags: ['displays'], response: { 200: displayListSchema } } }, async (request) => {
    return { displays: await displays.list(await requirePrincipal(auth, request)) };
  });

  app.patch('/api/displays/:id', { schema: { tags: ['displays'], params: idParams, body: updateDisplayRequestSchema, response: { 200: displaySchema } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    return displays.update(principal, request.params.id, request.body, request.ip);
  });

  app.post(
    '/api/displays/:id/commands',
    { schema: { tags: ['displays'], params: idParams, body: displayCommandSchema, response: { 202: commandResultSchema } } },
    async (request, reply) => {
      const principal = await requirePrincipal(auth, request);
      displays.authorize(principal);
      const delivered = await displays.command(principal, request.params.id, request.body);
      return reply.status(202).send({ delivered });
    },
  );

  app.delete('/api/displays/:id', { schema: { tags: ['displays'], params: idParams, response: { 204: noContent('Revoked: its sockets are disconnected') } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    await displays.revoke(principal, request.params.id, request.ip);
    return reply.status(204).send();
  });
}
