import type { FastifyInstance } from 'fastify';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES } from '../../shared/api/imports';
import type { AuthService } from '../auth/auth.service';
import type { BoardService } from '../board/board.service';
import { toCsv } from '../http/csv';
import { AppError } from '../http/errors';
import { idParams, parseWith, requirePrincipal, uploadedFile } from '../http/plumbing';
import type { ImportsService } from './imports.service';
import { templateXlsx } from './parse-file';

export function importsRoutes(app: FastifyInstance, auth: AuthService, imports: ImportsService, boards: BoardService): void {
  app.post('/api/imports', { schema: { tags: ['imports'], consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    if (principal.kind === 'display' || (principal.kind === 'user' && principal.role === 'viewer')) {
      throw new AppError('forbidden', 'you may not import readings');
    }
    const file = await uploadedFile(request, IMPORT_MAX_BYTES, `the file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    return reply.status(201).send(await imports.preview(principal, file.name, file.content));
  });

  app.post('/api/imports/:id/commit', { schema: { tags: ['imports'], params: idParams } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    const { id } = parseWith(idParams, request.params);
    return await imports.commit(principal, id, request.ip);
  });

  const example = async () => {
    const first = (await boards.board()).indicators.find((i) => i.measure !== 'ratio');
    return [first?.code ?? 'XDD-01', new Date().toISOString().slice(0, 10), 1, '', '', 'Ghi chú', 'Số văn bản'];
  };

  app.get('/api/imports/template.csv', { schema: { tags: ['imports'] } }, async (request, reply) => {
    await requirePrincipal(auth, request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mau-nhap-so-lieu.csv"')
      .send(toCsv(IMPORT_COLUMNS, [await example()]));
  });

  app.get('/api/imports/template.xlsx', { schema: { tags: ['imports'] } }, async (request, reply) => {
    await requirePrincipal(auth, request);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-nhap-so-lieu.xlsx"')
      .send(await templateXlsx(await example()));
  });
}
