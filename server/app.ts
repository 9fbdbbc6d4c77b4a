import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { createAdapter } from '@socket.io/redis-adapter';
import { sql } from 'drizzle-orm';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema, healthUnavailableSchema } from '../shared/api/health';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { AuditRepository } from './audit/audit.repository';
import { auditRoutes } from './audit/audit.routes';
import { AuditService } from './audit/audit.service';
import { AuthRepository } from './auth/auth.repository';
import { authRoutes } from './auth/auth.routes';
import { AuthService } from './auth/auth.service';
import { BoardRepository } from './board/board.repository';
import { boardRoutes } from './board/board.routes';
import { BoardService, DEFAULT_OFFICE_NAME } from './board/board.service';
import type { Clock } from './clock';
import type { Database } from './db/database';
import { trackConnections } from './http/connections';
import { installOpenApi, type Api } from './http/openapi';
import { authenticateFirst, installErrorHandling } from './http/plumbing';
import { installSecurity } from './http/security';
import { PlanRepository } from './plan/plan.repository';
import { SettingsRepository } from './settings/settings.repository';
import { settingsRoutes } from './settings/settings.routes';
import { SettingsService } from './settings/settings.service';
import { UnitsRepository } from './units/units.repository';
import { unitsRoutes } from './units/units.routes';
import { UnitsService } from './units/units.service';
import { planImportRoutes, planRoutes } from './plan/plan.routes';
import { PlanImportService } from './plan/plan-import.service';
import { PlanService } from './plan/plan.service';
import { BrowserPool } from './exports/browser-pool';
import { ExportsRepository } from './exports/exports.repository';
import { exportsRoutes } from './exports/exports.routes';
import { ExportsService } from './exports/exports.service';
import { startExportSchedule } from './exports/schedule';
import { ImportsRepository } from './imports/imports.repository';
import { importsRoutes } from './imports/imports.routes';
import { ImportsService } from './imports/imports.service';
import { warmParser } from './imports/parse-file';
import { TokensRepository } from './tokens/tokens.repository';
import { tokensRoutes } from './tokens/tokens.routes';
import { TokensService } from './tokens/tokens.service';
import { UsersRepository } from './users/users.repository';
import { usersRoutes } from './users/users.routes';
import { UsersService } from './users/users.service';
import { ReadingsRepository } from './readings/readings.repository';
import { readingsRoutes } from './readings/readings.routes';
import { ReadingsService } from './readings/readings.service';
import { Broadcaster, type BoardServer } from './realtime/broadcaster';
import { attachBoardSockets } from './realtime/board.handlers';
import { BoardFeedService } from './realtime/board-feed.service';
import { SocketGovernance } from './realtime/socket-governance';
import { SessionEnds } from './auth/session-ends';
import { LoginAttemptsRepository } from './auth/login-attempts.repository';
import { LoginThrottle } from './auth/login-throttle';
import { SharedSnapshots, snapshotParser } from './realtime/shared-snapshot';
import { ChangeLogRepository } from './changes/change-log.repository';
import { BoardChangesPublisher } from './changes/change-publisher';
import { IdempotencyRepository } from './changes/idempotency.repository';
import { WritePipeline } from './changes/write-pipeline';
import { DisplaysRepository } from './displays/displays.repository';
import { displaysRoutes } from './displays/displays.routes';
import { DisplaysService } from './displays/displays.service';
import { PairingRepository } from './displays/pairing.repository';
import { PairingService } from './displays/pairing.service';
import { DeliveriesRepository } from './mail/deliveries.repository';
import { smtpMailer } from './mail/mailer';
import { mailRoutes } from './mail/mail.routes';
import { MailOutbox } from './mail/outbox.service';
import { ReportMailService } from './mail/report-mail.service';
import { NotificationsRepository } from './notifications/notifications.repository';
import { notificationsRoutes } from './notifications/notifications.routes';
import { NotificationsService } from './notifications/notifications.service';

export interface AppDeps {
  db: Database;
  clock: Clock;
  timeZone: string;
  /** The built client to serve (dist/client); skipped when it does not exist. */
  clientDir?: string;
  logLevel?: string;
  /** Base URL of display links; defaults to the request's own protocol and host. */
  publicUrl?: string;
  /** Reverse proxies whose X-Forwarded-* headers are believed. */
  trustProxy?: string[];
  /** DATA_DIR: exports are archived under its `exports/`. */
  dataDir: string;
  /** The weekly export's schedule and retention. */
  exportSchedule?: { cron: string; timeZone: string; retentionWeeks: number };
  /**
   * REDIS_URL: several app nodes behind a load balancer. Socket.IO's broadcasts reach the screens
   * of every node (@socket.io/redis-adapter) and login rate limits are counted in Redis.
   */
  redisUrl?: string;
  /** This node's name in /api/health (NODE_NAME), to tell nodes apart behind a load balancer; unset, none is shown. */
  nodeName?: string;
  /** SMTP_URL and MAIL_FROM: without them nothing is mailed. */
  mail?: { smtpUrl: string; from: string };
}

export interface App {
  http: FastifyInstance;
  io: BoardServer;
  auth: AuthService;
  boards: BoardService;
  readings: ReadingsService;
  displays: DisplaysService;
  exports: ExportsService;
  /** The mail outbox (the weekly report; reminders and alerts). */
  mail: MailOutbox;
  /** Reminders and alerts: the minute's check. */
  notifications: NotificationsService;
  /** Starts the export schedule (and resumes interrupted exports); call once listening. */
  startSchedule(): Promise<void>;
  /** Stops accepting, lets in-flight requests finish, closes sockets. The database stays open. */
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 1024 * 1024;
/** How long a stop waits for connections to say goodbye before it cuts them. */
const CLOSE_GRACE_MS = 1000;

/** Wires repositories, services, routes and sockets. Never listens: the caller does (tests on port 0). */
export async function createApp(deps: AppDeps): Promise<App> {
  const http = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      // Display links carry their token in the query string: keep it out of the logs.
      serializers: {
        req: (request) => ({ method: request.method, url: redactTokens(request.url), remoteAddress: request.ip }),
      },
    },
    // One line per request, at debug (below): at the default level the console stays readable.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a reverse proxy the client's address and protocol come from X-Forwarded-*, believed
    // only from the proxies named (a client could otherwise pick its own address).
    trustProxy: deps.trustProxy ?? ['127.0.0.1', '::1'],
    forceCloseConnections: 'idle',
  });
  // Only when asked for: a hook on every request costs the hot path even when it logs nothing.
  if (http.log.level === 'debug' || http.log.level === 'trace') {
    http.addHook('onResponse', (request, reply, done) => {
      request.log.debug({ req: request, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed');
      done();
    });
  }
  // JSON only: a text/plain body would otherwise reach the routes as a string.
  http.removeContentTypeParser('text/plain');
  await http.register(fastifyCookie);
  installSecurity(http, { publicUrl: deps.publicUrl });
  const redis = deps.redisUrl === undefined ? undefined : connectRedis(deps.redisUrl, http);
  // Limits are set per route (login); in memory for one node, counted in Redis beyond one.
  await http.register(fastifyRateLimit, {
    global: false,
    // Redis away: the per-address limit is skipped (the per-account limit is in the database).
    ...(redis ? { redis: redis.limits, nameSpace: 'termboard:rate-limit:', skipOnError: true } : {}),
  });
  await http.register(fastifyMultipart);
  await installOpenApi(http);
  const servesClient = deps.clientDir !== undefined && existsSync(join(deps.clientDir, 'index.html'));
  installErrorHandling(http, { pageFallback: servesClient });

  const connections = trackConnections(http.server);
  const io: BoardServer = new Server(http.server, { serveClient: false, parser: snapshotParser(deps.clock), ...(redis ? { adapter: createAdapter(redis.pub, redis.sub, { key: 'termboard' }) } : {}) });
  // Where a node fills a gap in what reaches it from the others: the change log's payloads, kept
  // only when nodes share the database. A lone node publishes its own commits in seq order.
  const changeLog = redis ? new ChangeLogRepository(deps.db) : undefined;
  const broadcaster = new Broadcaster(io, {
    clustered: redis !== undefined,
    sources: (termId) => ({
      missed: async (since, count) => (changeLog ? (await changeLog.since(termId, since, count)).flatMap((row) => (row.update === null ? [] : [row.update])) : []),
      board: () => boards.board(undefined, termId),
    }),
    onError: (error) => http.log.error({ err: error }, 'delivering a board change failed'),
  });

  const audit = new AuditService(new AuditRepository(deps.db), deps.clock);
  const authRepository = new AuthRepository(deps.db);
  const sessionEnds = new SessionEnds();
  const loginThrottle = new LoginThrottle(new LoginAttemptsRepository(deps.db), audit, deps.clock);
  const auth = new AuthService(authRepository, audit, deps.clock, loginThrottle, sessionEnds);
  const boardRepository = new BoardRepository(deps.db);
  const settingsRepository = new SettingsRepository(deps.db);
  const nodeOwner = `${deps.nodeName ?? 'termboard'}#${randomBytes(4).toString('hex')}`;
  const outbox = new MailOutbox(new DeliveriesRepository(deps.db), deps.mail && smtpMailer(deps.mail.smtpUrl, deps.mail.from), deps.clock, {
    dataDir: deps.dataDir,
    owner: nodeOwner,
    from: deps.mail?.from ?? null,
    log: http.log,
  });
  const boards = new BoardService(boardRepository, deps.clock, deps.timeZone, async () => {
    const current = await settings.get();
    return { office: current.officeName, logoUrl: current.logoUrl, defaults: { lang: current.defaultLang, theme: current.defaultTheme } };
  });
  // Every change a board shows goes through this pipeline; its publisher is the only caller of the broadcaster's board changes.
  const pipeline = new WritePipeline({
    db: deps.db,
    boards,
    boardRepository,
    audit,
    idempotency: new IdempotencyRepository(deps.db),
    clock: deps.clock,
    publisher: new BoardChangesPublisher(broadcaster, boards, (error) => http.log.error({ err: error }, 'publishing a committed change failed')),
    logsPayloads: changeLog !== undefined,
  });
  const settings: SettingsService = new SettingsService(
    settingsRepository,
    pipeline,
    { officeName: DEFAULT_OFFICE_NAME, exportSchedule: deps.exportSchedule ?? { cron: '0 7 * * 1', timeZone: deps.timeZone, retentionWeeks: 104 }, mail: outbox.status },
    {
      scheduleChanged: async () => {
        await restartSchedule();
        // The other nodes run the schedule too: each restarts its own from the settings.
        if (redis) io.serverSideEmit('schedule:changed');
      },
    },
  );
  const readingsRepository = new ReadingsRepository(deps.db);
  const readings = new ReadingsService(readingsRepository, boardRepository, pipeline, new IdempotencyRepository(deps.db), deps.clock, deps.timeZone);
  const imports = new ImportsService(new ImportsRepository(deps.db), boardRepository, boards, readings, pipeline, deps.clock);
  const exportsService: ExportsService = new ExportsService(
    new ExportsRepository(deps.db),
    boards,
    authRepository,
    new BrowserPool({ maxPages: 2, timeZone: deps.timeZone }),
    deps.clock,
    {
      root: join(deps.dataDir, 'exports'),
      baseUrl: () => ownUrl(http),
      retentionWeeks: async () => (await settings.exportSchedule()).retentionWeeks,
      owner: nodeOwner,
      log: http.log,
      mail: { exportDone: (id) => reportMail.exportDone(id), deliveriesOf: (ids) => outbox.ofExports(ids) },
    },
  );
  const reportMail: ReportMailService = new ReportMailService(outbox, exportsService, boards, () => settings.reportRecipients(), { dataDir: deps.dataDir, log: http.log });
  const notifications = new NotificationsService(new NotificationsRepository(deps.db), outbox, boards, deps.clock, {
    owner: nodeOwner,
    baseUrl: () => deps.publicUrl ?? ownUrl(http),
    alertRecipients: () => settings.alertRecipients(),
    log: http.log,
  });
  const displays = new DisplaysService(new DisplaysRepository(deps.db), broadcaster, audit, deps.clock);

  // Routes declare their schemas (shared/, zod) and, unless public, are signed in before anything else.
  const api: Api = http.withTypeProvider<ZodTypeProvider>();
  authenticateFirst(http, auth);

  // For load balancers and orchestrators: 503 while this node cannot read its database (unreachable,
  // or pages that no longer read back), by reading the tables the board is made of. Redis away
  // leaves the node serving (its own screens stay live), so it is reported, not failed. The node's
  // name only when NODE_NAME gives one: no host name or process id to anyone who asks.
  api.get('/api/health', { schema: { tags: ['health'], response: { 200: healthSchema, 503: healthUnavailableSchema } }, config: { public: true } }, async (_request, reply) => {
    const time = new Date(deps.clock.now()).toISOString();
    const node = deps.nodeName === undefined ? {} : { node: deps.nodeName };
    try {
      await deps.db.rows(sql`select (select max(id) from terms) as term, (select max(id) from indicators) as indicator, (select max(id) from readings) as reading`);
    } catch (error) {
      http.log.error({ err: error }, 'health check: the database cannot be read');
      return reply.status(503).send({ status: 'unavailable', time, ...node, database: 'unreadable' });
    }
    return { status: 'ok' as const, time, ...node, database: deps.db.dialect, ...(redis ? { redis: redis.pub.status === 'ready' ? ('ok' as const) : ('unreachable' as const) } : {}) };
  });
  authRoutes(api, auth);
  boardRoutes(api, auth, boards, deps.clock);
  readingsRoutes(api, auth, readings);
  displaysRoutes(api, auth, displays, new PairingService(new PairingRepository(deps.db), displays, deps.clock), deps.publicUrl);
  auditRoutes(api, auth, audit, deps.timeZone);
  importsRoutes(api, auth, imports);
  exportsRoutes(api, auth, exportsService);
  settingsRoutes(api, auth, settings);
  mailRoutes(api, auth, outbox);
  notificationsRoutes(api, auth, notifications);
  const unitsRepository = new UnitsRepository(deps.db);
  const planRepository = new PlanRepository(deps.db);
  const plan = new PlanService(planRepository, boardRepository, boards, pipeline);
  unitsRoutes(api, auth, new UnitsService(unitsRepository, pipeline));
  planRoutes(api, auth, plan);
  planImportRoutes(
    api,
    auth,
    plan,
    new PlanImportService(planRepository, unitsRepository, new ImportsRepository(deps.db), pipeline, deps.clock),
  );
  usersRoutes(api, auth, new UsersService(new UsersRepository(deps.db), authRepository, audit, deps.clock, sessionEnds, loginThrottle));
  tokensRoutes(api, auth, new TokensService(new TokensRepository(deps.db), authRepository, broadcaster, audit, deps.clock));
  const governance = new SocketGovernance(io, auth, deps.clock, { parseCookie: (header) => http.parseCookie(header), publicUrl: deps.publicUrl, log: http.log }, sessionEnds);
  attachBoardSockets(io, http, auth, new BoardFeedService(boards, new SharedSnapshots(boards, deps.clock), broadcaster), displays, governance);

  if (servesClient) await serveClient(http, deps.clientDir!);

  let scheduler: { stop(): void } | undefined;
  let scheduling = false;
  /** (Re)starts this node's export timer from the settings, once the app has started it. */
  async function restartSchedule(): Promise<void> {
    if (!scheduling) return;
    scheduler?.stop();
    scheduler = undefined;
    const schedule = await settings.exportSchedule();
    scheduler = await startExportSchedule(exportsService, { ...schedule, since: await exportsService.scheduleSince() }, deps.clock);
    http.log.debug({ cron: schedule.cron, timeZone: schedule.timeZone }, 'export schedule started');
  }
  io.on('schedule:changed', () => {
    restartSchedule().catch((error: unknown) => http.log.error({ err: error }, 'restarting the export schedule failed'));
  });

  return {
    http,
    io,
    auth,
    boards,
    readings,
    displays,
    exports: exportsService,
    mail: outbox,
    notifications,
    async startSchedule() {
      if (scheduling) return;
      scheduling = true;
      outbox.start();
      notifications.start();
      // Background work of a listening server: the first upload then finds its parser started.
      warmParser();
      await exportsService.start();
      await exportsService.prune();
      await restartSchedule();
    },
    async close() {
      scheduling = false;
      scheduler?.stop();
      await exportsService.stop();
      await notifications.stop();
      await outbox.stop();
      governance.close();
      const cancel = connections.closeAfter(CLOSE_GRACE_MS);
      await io.close();
      await http.close();
      cancel();
      if (redis) await Promise.all([redis.pub.quit(), redis.sub.quit(), redis.limits.quit()]);
    },
  };
}

/**
 * The Redis connections of a node: publish and subscribe for Socket.IO's adapter (a subscribed
 * connection can do nothing else), and one for rate-limit counters. They reconnect on their own;
 * while Redis is away, broadcasts between nodes pause and limits fail open (logged).
 */
function connectRedis(url: string, http: FastifyInstance) {
  const open = (name: string) => {
    const client = new Redis(url, { connectionName: `termboard-${name}`, maxRetriesPerRequest: 2 });
    client.on('error', (error) => http.log.warn({ err: error, connection: name }, 'redis connection error'));
    return client;
  };
  return { pub: open('pub'), sub: open('sub'), limits: open('limits') };
}

/** This server's own address, for the export's browser (a wildcard address means loopback). */
function ownUrl(http: FastifyInstance): string {
  const address = http.server.address();
  if (!address || typeof address === 'string') throw new Error('the server is not listening');
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function redactTokens(url: string): string {
  return url.replace(/([?&]token=)[^&]*/g, '$1[redacted]');
}

/** The built client; files are looked up on each request, so a rebuild needs no restart. */
async function serveClient(http: FastifyInstance, clientDir: string): Promise<void> {
  await http.register(fastifyStatic, { root: clientDir, index: ['index.html'] });
}
