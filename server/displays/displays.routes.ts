import type { FastifyInstance, FastifyRequest } from 'fastify';
import { claimPairingRequestSchema, createDisplayRequestSchema, pairDisplayRequestSchema, updateDisplayRequestSchema } from '../../shared/api/displays';
import { displayCommandSchema } from '../../shared/realtime/events';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { DisplaysService } from './displays.service';
import type { PairingService } from './pairing.service';

/** Pairing codes one client address may ask for in a minute. */
export const PAIRINGS_PER_ADDRESS_PER_MINUTE = 60;

export function displaysRoutes(
  app: FastifyInstance,
  auth: AuthService,
  displays: DisplaysService,
  pairing: PairingService,
  publicUrl: string | undefined,
): void {
  const baseUrl = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;

  // A screen without a token (no login): a code to show, and the secret it claims its token with.
  // Each is a write: limited per address (a screen asks about every 10 minutes).
  app.post('/api/displays/pairings', { schema: { tags: ['displays'] }, config: { rateLimit: { max: PAIRINGS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } } }, async (_request, reply) =>
    reply.status(201).send(await pairing.start()),
  );

  app.post('/api/displays/pairings/claim', { schema: { tags: ['displays'], body: claimPairingRequestSchema } }, async (request) => {
    const { code, secret } = parseWith(claimPairingRequestSchema, request.body);
    return pairing.state(code, secret);
  });

  app.post('/api/displays/pair', { schema: { tags: ['displays'], body: pairDisplayRequestSchema } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    const { code, name } = parseWith(pairDisplayRequestSchema, request.body);
    return reply.status(201).send(await pairing.pair(principal, code, name, request.ip));
  });

  app.post('/api/displays', { schema: { tags: ['displays'], body: createDisplayRequestSchema } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    const { name } = parseWith(createDisplayRequestSchema, request.body);
    return reply.status(201).send(await displays.create(principal, name, baseUrl(request), request.ip));
  });

  app.get('/api/displays', { schema: { tags: ['displays'] } }, async (request) => {
    return { displays: await displays.list(await requirePrincipal(auth, request)) };
  });

  app.patch('/api/displays/:id', { schema: { tags: ['displays'], params: idParams, body: updateDisplayRequestSchema } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    const { id } = parseWith(idParams, request.params);
    return displays.update(principal, id, parseWith(updateDisplayRequestSchema, request.body), request.ip);
  });

  app.post('/api/displays/:id/commands', { schema: { tags: ['displays'], params: idParams, body: displayCommandSchema } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    const { id } = parseWith(idParams, request.params);
    const delivered = await displays.command(principal, id, parseWith(displayCommandSchema, request.body));
    return reply.status(202).send({ delivered });
  });

  app.delete('/api/displays/:id', { schema: { tags: ['displays'], params: idParams } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    displays.authorize(principal);
    const { id } = parseWith(idParams, request.params);
    await displays.revoke(principal, id, request.ip);
    return reply.status(204).send();
  });
}
