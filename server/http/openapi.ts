import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import { zodFields } from '../errors';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/**
 * The docs page is Swagger UI: its own scripts and styles from the package (no CDN, no inline
 * script), but it sets styles in attributes; so its pages get a policy of their own that allows
 * inline styles, and nothing else more than the rest of the site.
 */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A route as registered: what it declared (for the test that every API route declares its schema). */
export interface DeclaredRoute {
  method: string;
  url: string;
  schema: Record<string, unknown> | undefined;
}
const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route registered on `app` since installOpenApi. */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  return declared.get(app) ?? [];
}

/**
 * Routes declare their request schemas (zod, from shared/) and fastify-type-provider-zod validates
 * with them; @fastify/swagger turns the same declarations into the OpenAPI 3.1 document at
 * GET /api/openapi.json, which Swagger UI shows at /api/docs. Register before the routes.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  const routes: DeclaredRoute[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema as Record<string, unknown> | undefined });
  });
  app.setValidatorCompiler(validatorCompiler);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'termboard API',
        version: '1',
        description: 'The HTTP API of termboard, a realtime board of term targets. Prose, events and error codes: docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'termboard_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'A display token (tbd_…, reads only) or an API token (tba_…)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PATH,
    uiConfig: { url: OPENAPI_PATH, deepLinking: false },
    uiHooks: {
      onRequest: (_request, reply, done) => {
        reply.header('content-security-policy', DOCS_CSP);
        done();
      },
    },
  });
}

/** The validation errors of a declared schema, as the `fields` of our 400 (the same codes `parseWith` gives); undefined for other errors. */
export function declaredSchemaFields(error: unknown): Record<string, string> | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  return zodFields(
    (error.validation as ZodFastifySchemaValidationError[]).map((issue) => ({
      path: issue.instancePath.split('/').filter((part) => part !== ''),
      code: issue.keyword,
      ...(Array.isArray(issue.params.keys) ? { keys: issue.params.keys as string[] } : {}),
    })),
  );
}
