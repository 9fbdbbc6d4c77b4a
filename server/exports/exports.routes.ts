import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { createExportRequestSchema, exportListSchema, exportRequestedSchema, exportSchema } from '../../shared/api/exports';
import type { AuthService } from '../auth/auth.service';
import { fileAnswer } from '../http/answers';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal } from '../http/plumbing';
import type { ExportsService } from './exports.service';

const fileParams = idParams.extend({ name: z.string().regex(/^[\w.-]{1,100}$/) });

export function exportsRoutes(app: Api, auth: AuthService, exportsService: ExportsService): void {
  app.post('/api/exports', { schema: { tags: ['exports'], body: createExportRequestSchema.optional(), response: { 202: exportRequestedSchema } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    const asOf = request.body?.asOf;
    return reply.status(202).send(await exportsService.request(principal, asOf === undefined ? undefined : Date.parse(asOf)));
  });

  app.get('/api/exports', { schema: { tags: ['exports'], response: { 200: exportListSchema } } }, async (request) => {
    await requirePrincipal(auth, request);
    return { exports: await exportsService.list() };
  });

  app.get('/api/exports/:id', { schema: { tags: ['exports'], params: idParams, response: { 200: exportSchema } } }, async (request) => {
    await requirePrincipal(auth, request);
    return exportsService.get(request.params.id);
  });

  const file = fileAnswer('A page of the board (PNG, 1920×1080) or the report (A4 PDF)', 'image/png', 'application/pdf');
  app.get('/api/exports/:id/files/:name', { schema: { tags: ['exports'], params: fileParams, response: { 200: file } } }, async (request, reply) => {
    await requirePrincipal(auth, request);
    const { id, name } = request.params;
    const file = await exportsService.filePath(id, name);
    return reply
      .type(file.type)
      .header('content-disposition', `${file.type === 'application/pdf' ? 'attachment' : 'inline'}; filename="${name}"`)
      .send(createReadStream(file.path));
  });
}
