import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodFastifySchemaValidationError,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { boardIndicatorSchema, boardSchema } from '../../shared/api/board';
import { errorBodySchema } from '../../shared/api/errors';
import { deliverySchema } from '../../shared/api/mail';
import { readingSchema } from '../../shared/api/readings';
import { zodFields } from '../errors';
import { documentAnswers } from './answers';

/** The app as routes see it: the shared zod schemas they declare type their input and their answers. */
export type Api = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Schemas several answers share, named once in the document's components (`$ref`) instead of
 * written out in each: the error body above all. They go in zod's global registry, where
 * `.describe()` keeps its descriptions too, so that the document has both.
 */
const SHARED_ANSWERS = { Error: errorBodySchema, Board: boardSchema, BoardIndicator: boardIndicatorSchema, Reading: readingSchema, Delivery: deliverySchema };
for (const [id, schema] of Object.entries(SHARED_ANSWERS)) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });

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
  /** Anyone may call it (`config.public`); every other API route signs its caller in first. */
  public: boolean;
}
const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route registered on `app` since installOpenApi. */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  return declared.get(app) ?? [];
}

/**
 * Routes declare their request schemas and their answers (zod, from shared/); fastify-type-provider-zod
 * validates requests with them, and @fastify/swagger turns the same declarations into the OpenAPI
 * 3.1 document at GET /api/openapi.json, which Swagger UI shows at /api/docs. Answers are
 * documented, not checked at run time (docs/decisions.md): they are sent as JSON.stringify sends
 * them, and tests/integration/openapi-answers.test.ts holds real answers to the document.
 * Register before the routes.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  const routes: DeclaredRoute[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) documentAnswers(route);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema as Record<string, unknown> | undefined, public: route.config?.public === true });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (answer) => JSON.stringify(answer));
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
    // The registry's schemas are answers: their request-side twins (`…Input`) would only be noise.
    transformObject: (document) => {
      const openapi = jsonSchemaTransformObject(document) as { components?: { schemas?: Record<string, unknown> } };
      const schemas = openapi.components?.schemas ?? {};
      for (const name of Object.keys(schemas)) if (name.endsWith('Input') && name.slice(0, -'Input'.length) in SHARED_ANSWERS) delete schemas[name];
      return openapi as ReturnType<typeof jsonSchemaTransformObject>;
    },
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

/** The validation errors of a declared schema, as the `fields` of our 400 (the codes zod's own issues give); undefined for other errors. */
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
