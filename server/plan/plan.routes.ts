import { boardGroupSchema, boardIndicatorSchema } from '../../shared/api/board';
import { createTermRequestSchema, groupOrderSchema, groupRequestSchema, indicatorDefinitionSchema, indicatorPatchSchema, termListSchema, termSchema } from '../../shared/api/plan';
import type { AuthService } from '../auth/auth.service';
import { fileAnswer, noContent, refusals } from '../http/answers';
import type { Api } from '../http/openapi';
import { idParams, requirePrincipal, uploadedFile } from '../http/plumbing';
import type { PlanService } from './plan.service';
import { IMPORT_MAX_BYTES } from '../../shared/api/imports';
import { planImportPreviewSchema, planImportResultSchema } from '../../shared/api/plan-imports';
import { planTemplate, templateXlsx } from '../imports/templates';
import type { PlanImportService } from './plan-import.service';

export function planRoutes(app: Api, auth: AuthService, plan: PlanService): void {
  /** Admin first, then the request: a non-admin learns nothing from a 400. */
  const admin = async (request: Parameters<typeof requirePrincipal>[1]) => {
    const principal = await requirePrincipal(auth, request);
    plan.authorize(principal);
    return principal;
  };

  app.get('/api/terms', { schema: { tags: ['plan'], response: { 200: termListSchema } } }, async (request) => {
    await requirePrincipal(auth, request);
    return { terms: await plan.terms() };
  });

  app.post('/api/terms', { schema: { tags: ['plan'], body: createTermRequestSchema, response: { 201: termSchema, ...refusals(404, 409) } } }, async (request, reply) => {
    const principal = await admin(request);
    return reply.status(201).send(await plan.createTerm(principal, request.body, request.ip));
  });

  app.post('/api/terms/:id/close', { schema: { tags: ['plan'], params: idParams, response: { 200: termSchema, ...refusals(409) } } }, async (request) => {
    const principal = await admin(request);
    return await plan.closeTerm(principal, request.params.id, request.ip);
  });

  app.post('/api/terms/:id/current', { schema: { tags: ['plan'], params: idParams, response: { 200: termSchema, ...refusals(409) } } }, async (request) => {
    const principal = await admin(request);
    return await plan.makeCurrent(principal, request.params.id, request.ip);
  });

  app.post('/api/terms/:id/groups', { schema: { tags: ['plan'], params: idParams, body: groupRequestSchema, response: { 201: boardGroupSchema, ...refusals(409) } } }, async (request, reply) => {
    const principal = await admin(request);
    return reply.status(201).send(await plan.createGroup(principal, request.params.id, request.body.name, request.ip));
  });

  app.put('/api/terms/:id/groups/order', { schema: { tags: ['plan'], params: idParams, body: groupOrderSchema, response: { 204: noContent('Reordered'), ...refusals(409) } } }, async (request, reply) => {
    const principal = await admin(request);
    await plan.orderGroups(principal, request.params.id, request.body.groupIds, request.ip);
    return reply.status(204).send();
  });

  app.patch('/api/groups/:id', { schema: { tags: ['plan'], params: idParams, body: groupRequestSchema, response: { 204: noContent('Renamed'), ...refusals(409) } } }, async (request, reply) => {
    const principal = await admin(request);
    await plan.renameGroup(principal, request.params.id, request.body.name, request.ip);
    return reply.status(204).send();
  });

  app.post('/api/terms/:id/indicators', { schema: { tags: ['plan'], params: idParams, body: indicatorDefinitionSchema, response: { 201: boardIndicatorSchema, ...refusals(409) } } }, async (request, reply) => {
    const principal = await admin(request);
    return reply.status(201).send(await plan.createIndicator(principal, request.params.id, request.body, request.ip));
  });

  app.patch('/api/indicators/:id', { schema: { tags: ['plan'], params: idParams, body: indicatorPatchSchema, response: { 200: boardIndicatorSchema, ...refusals(409) } } }, async (request) => {
    const principal = await admin(request);
    return await plan.updateIndicator(principal, request.params.id, request.body, request.ip);
  });

  app.delete('/api/indicators/:id', { schema: { tags: ['plan'], params: idParams, response: { 204: noContent('Archived: off the plan, its readings and history kept'), ...refusals(409) } } }, async (request, reply) => {
    const principal = await admin(request);
    await plan.archiveIndicator(principal, request.params.id, request.ip);
    return reply.status(204).send();
  });
}

export function planImportRoutes(app: Api, auth: AuthService, plan: PlanService, imports: PlanImportService): void {
  app.post('/api/terms/:id/plan-imports', { schema: { tags: ['plan'], params: idParams, consumes: ['multipart/form-data'], response: { 201: planImportPreviewSchema, ...refusals(409) } } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    plan.authorize(principal);
    const { id } = request.params;
    const file = await uploadedFile(request, IMPORT_MAX_BYTES, `the file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    return reply.status(201).send(await imports.preview(principal, id, file.name, file.content));
  });

  app.post('/api/plan-imports/:id/commit', { schema: { tags: ['plan'], params: idParams, response: { 200: planImportResultSchema, ...refusals(409) } } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    plan.authorize(principal);
    return await imports.commit(principal, request.params.id, request.ip);
  });

  app.get('/api/terms/:id/plan-imports/template.xlsx', { schema: { tags: ['plan'], params: idParams, response: { 200: fileAnswer('The plan template as an XLSX workbook, with an example row', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') } } }, async (request, reply) => {
    await requirePrincipal(auth, request);
    const template = planTemplate(await imports.templateExample(request.params.id));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-ke-hoach.xlsx"')
      .send(await templateXlsx(template));
  });
}
