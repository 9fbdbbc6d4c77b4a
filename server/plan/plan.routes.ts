import type { FastifyInstance } from 'fastify';
import { createTermRequestSchema, groupOrderSchema, groupRequestSchema, indicatorDefinitionSchema, indicatorPatchSchema } from '../../shared/api/plan';
import type { AuthService } from '../auth/auth.service';
import { idParams, parseWith, requirePrincipal, uploadedFile } from '../http/plumbing';
import type { PlanService } from './plan.service';
import { IMPORT_MAX_BYTES } from '../../shared/api/imports';
import { PLAN_COLUMNS } from '../../shared/api/plan-imports';
import { templateXlsx } from '../imports/parse-file';
import type { PlanImportService } from './plan-import.service';

export function planRoutes(app: FastifyInstance, auth: AuthService, plan: PlanService): void {
  /** Admin first, then the request: a non-admin learns nothing from a 400. */
  const admin = async (request: Parameters<typeof requirePrincipal>[1]) => {
    const principal = await requirePrincipal(auth, request);
    plan.authorize(principal);
    return principal;
  };

  app.get('/api/terms', { schema: { tags: ['plan'] } }, async (request) => {
    await requirePrincipal(auth, request);
    return { terms: await plan.terms() };
  });

  app.post('/api/terms', { schema: { tags: ['plan'], body: createTermRequestSchema } }, async (request, reply) => {
    const principal = await admin(request);
    return reply.status(201).send(await plan.createTerm(principal, parseWith(createTermRequestSchema, request.body), request.ip));
  });

  app.post('/api/terms/:id/close', { schema: { tags: ['plan'], params: idParams } }, async (request) => {
    const principal = await admin(request);
    return await plan.closeTerm(principal, parseWith(idParams, request.params).id, request.ip);
  });

  app.post('/api/terms/:id/current', { schema: { tags: ['plan'], params: idParams } }, async (request) => {
    const principal = await admin(request);
    return await plan.makeCurrent(principal, parseWith(idParams, request.params).id, request.ip);
  });

  app.post('/api/terms/:id/groups', { schema: { tags: ['plan'], params: idParams, body: groupRequestSchema } }, async (request, reply) => {
    const principal = await admin(request);
    const { id } = parseWith(idParams, request.params);
    return reply.status(201).send(await plan.createGroup(principal, id, parseWith(groupRequestSchema, request.body).name, request.ip));
  });

  app.put('/api/terms/:id/groups/order', { schema: { tags: ['plan'], params: idParams, body: groupOrderSchema } }, async (request, reply) => {
    const principal = await admin(request);
    const { id } = parseWith(idParams, request.params);
    await plan.orderGroups(principal, id, parseWith(groupOrderSchema, request.body).groupIds, request.ip);
    return reply.status(204).send();
  });

  app.patch('/api/groups/:id', { schema: { tags: ['plan'], params: idParams, body: groupRequestSchema } }, async (request, reply) => {
    const principal = await admin(request);
    const { id } = parseWith(idParams, request.params);
    await plan.renameGroup(principal, id, parseWith(groupRequestSchema, request.body).name, request.ip);
    return reply.status(204).send();
  });

  app.post('/api/terms/:id/indicators', { schema: { tags: ['plan'], params: idParams, body: indicatorDefinitionSchema } }, async (request, reply) => {
    const principal = await admin(request);
    const { id } = parseWith(idParams, request.params);
    return reply.status(201).send(await plan.createIndicator(principal, id, parseWith(indicatorDefinitionSchema, request.body), request.ip));
  });

  app.patch('/api/indicators/:id', { schema: { tags: ['plan'], params: idParams, body: indicatorPatchSchema } }, async (request) => {
    const principal = await admin(request);
    const { id } = parseWith(idParams, request.params);
    return await plan.updateIndicator(principal, id, parseWith(indicatorPatchSchema, request.body), request.ip);
  });

  app.delete('/api/indicators/:id', { schema: { tags: ['plan'], params: idParams } }, async (request, reply) => {
    const principal = await admin(request);
    await plan.archiveIndicator(principal, parseWith(idParams, request.params).id, request.ip);
    return reply.status(204).send();
  });
}

export function planImportRoutes(app: FastifyInstance, auth: AuthService, plan: PlanService, imports: PlanImportService): void {
  app.post('/api/terms/:id/plan-imports', { schema: { tags: ['plan'], params: idParams, consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const principal = await requirePrincipal(auth, request);
    plan.authorize(principal);
    const { id } = parseWith(idParams, request.params);
    const file = await uploadedFile(request, IMPORT_MAX_BYTES, `the file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    return reply.status(201).send(await imports.preview(principal, id, file.name, file.content));
  });

  app.post('/api/plan-imports/:id/commit', { schema: { tags: ['plan'], params: idParams } }, async (request) => {
    const principal = await requirePrincipal(auth, request);
    plan.authorize(principal);
    return await imports.commit(principal, parseWith(idParams, request.params).id, request.ip);
  });

  app.get('/api/terms/:id/plan-imports/template.xlsx', { schema: { tags: ['plan'], params: idParams } }, async (request, reply) => {
    await requirePrincipal(auth, request);
    const example = ['Chuyển đổi số', 'CDS-10', 'Hồ sơ lưu trữ điện tử', '', 'Đảng bộ Văn phòng UBND tỉnh', 'percent', 'latest', 'increase', '%', 60, 95, 'quarter', 1, '2026: 70; 2028: 85'];
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-ke-hoach.xlsx"')
      .send(await templateXlsx(example, PLAN_COLUMNS, 'Ke hoach'));
  });
}
