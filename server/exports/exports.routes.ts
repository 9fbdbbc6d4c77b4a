import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createExportRequestSchema } from '../../shared/api/exports';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal } from '../http/plumbing';
import type { ExportsService } from './exports.service';

const fileParams = idParams.extend({ name: z.string().regex(/^[\w.-]{1,100}$/) });

export function exportsRoutes(app: FastifyInstance, auth: AuthService, exportsService: ExportsService): void {
  app.post('/api/exports', { schema: { tags: ['exports'], body: createExportRequestSchema.optional() } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    const { asOf } = parseWith(createExportRequestSchema, request.body ?? {});
    return reply.status(202).send(await exportsService.request(principal, asOf === undefined ? undefined : Date.parse(asOf)));
  });

  app.get('/api/exports', { schema: { tags: ['exports'] } }, async (request) => {
    await requirePrincipal(auth, request);
    return { exports: await exportsService.list() };
  });

  app.get('/api/exports/:id', { schema: { tags: ['exports'], params: idParams } }, async (request) => {
    await requirePrincipal(auth, request);
    return exportsService.get(parseWith(idParams, request.params).id);
  });

  app.get('/api/exports/:id/files/:name', { schema: { tags: ['exports'], params: fileParams } }, async (request, reply) => {
    await requirePrincipal(auth, request);
    const { id, name } = parseWith(fileParams, request.params);
    const file = await exportsService.filePath(id, name);
    return reply
      .type(file.type)
      .header('content-disposition', `${file.type === 'application/pdf' ? 'attachment' : 'inline'}; filename="${name}"`)
      .send(createReadStream(file.path));
  });
}
