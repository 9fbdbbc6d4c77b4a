import { IMPORT_MAX_BYTES, importPreviewSchema, importResultSchema } from '../../shared/api/imports';
import type { AuthService } from '../auth/auth.service';
import { fileAnswer, refusals } from '../http/answers';
import { AppError } from '../http/errors';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal, uploadedFile } from '../http/plumbing';
import type { ImportsService } from './imports.service';
import { readingsTemplate, templateCsv, templateXlsx } from './templates';

export function importsRoutes(app: Api, auth: AuthService, imports: ImportsService): void {
  app.post('/api/imports', { schema: { tags: ['imports'], consumes: ['multipart/form-data'], response: { 201: importPreviewSchema } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    if (principal.kind === 'display' || (principal.kind === 'user' && principal.role === 'viewer')) {
      throw new AppError('forbidden', 'you may not import readings');
    }
    const file = await uploadedFile(request, IMPORT_MAX_BYTES, `the file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    return reply.status(201).send(await imports.preview(principal, file.name, file.content));
  });

  app.post('/api/imports/:id/commit', { schema: { tags: ['imports'], params: idParams, response: { 200: importResultSchema, ...refusals(409) } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    return await imports.commit(principal, request.params.id, request.ip);
  });

  app.get('/api/imports/template.csv', { schema: { tags: ['imports'], response: { 200: fileAnswer('The import template as CSV (Vietnamese headers), with example rows', 'text/csv') } } }, async (request, reply) => {
    const template = readingsTemplate(await imports.templateExample(await requirePrincipal(auth, request)));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mau-nhap-so-lieu.csv"')
      .send(templateCsv(template));
  });

  const xlsx = fileAnswer('The import template as an XLSX workbook (Vietnamese headers), with example rows', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  app.get('/api/imports/template.xlsx', { schema: { tags: ['imports'], response: { 200: xlsx } } }, async (request, reply) => {
    const template = readingsTemplate(await imports.templateExample(await requirePrincipal(auth, request)));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-nhap-so-lieu.xlsx"')
      .send(await templateXlsx(template));
  });
}
