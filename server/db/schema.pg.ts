import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

/*
 * The PostgreSQL twin of schema.ts: the same tables, columns and JavaScript types, so that one
 * repository layer runs on both (docs/decisions.md). tests/unit/schema-twins.test.ts compares
 * them column by column. Epoch milliseconds need 64 bits here (SQLite's integers always have them).
 */

/*
 * The data model (docs/decisions.md explains the choices). Times are epoch milliseconds,
 * calendar dates are 'YYYY-MM-DD' text, enumerations are text checked by the shared zod schemas.
 */

/** Key/value settings of the installation (office name, ...); values are JSON. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: text().notNull(),
});

export const terms = pgTable(
  'terms',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    name: text().notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    closedAt: bigint('closed_at', { mode: 'number' }),
    previousTermId: integer('previous_term_id').references((): AnyPgColumn => terms.id),
    /** The board's `seq`: the number of the term's last change (see `changes`). */
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('terms_one_current').on(t.isCurrent).where(sql`${t.isCurrent}`)],
);

/** Organisational units: a tree (the Party Committee, its branches, the office's departments). */
export const units = pgTable('units', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  name: text().notNull(),
  parentId: integer('parent_id').references((): AnyPgColumn => units.id),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  /** Set when the unit was merged into another: it stays as read-only history ("formerly ..."). */
  mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => units.id),
  mergedAt: bigint('merged_at', { mode: 'number' }),
});

/** Names a unit had before a rename, each until the moment it changed. */
export const unitNames = pgTable(
  'unit_names',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    name: text().notNull(),
    until: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('unit_names_unit').on(t.unitId, t.until)],
);

export const indicatorGroups = pgTable(
  'indicator_groups',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    termId: integer('term_id').notNull().references(() => terms.id),
    name: text().notNull(),
    displayOrder: integer('display_order').notNull(),
  },
  (t) => [index('indicator_groups_term').on(t.termId, t.displayOrder)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    termId: integer('term_id').notNull().references(() => terms.id),
    groupId: integer('group_id').notNull().references(() => indicatorGroups.id),
    ownerUnitId: integer('owner_unit_id').notNull().references(() => units.id),
    code: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    measure: text().notNull(),
    aggregation: text().notNull(),
    direction: text().notNull(),
    /** Unit of measure shown beside values ("%", "đảng viên"). */
    unitLabel: text('unit_label').notNull().default(''),
    baseline: doublePrecision().notNull(),
    target: doublePrecision().notNull(),
    /** JSON array of {year, value}. */
    milestones: text().notNull().default('[]'),
    updateFrequency: text('update_frequency').notNull(),
    decimals: integer().notNull().default(0),
    displayOrder: integer('display_order').notNull(),
    archivedAt: bigint('archived_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('indicators_term_code').on(t.termId, t.code), index('indicators_group').on(t.groupId)],
);

export const users = pgTable('users', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  /** Stored lower-case: user names are matched without regard to case. */
  username: text().notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text().notNull(),
  disabledAt: bigint('disabled_at', { mode: 'number' }),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  /** Where reminders go (optional). */
  email: text(),
  /** False when the user opted out of reminder emails. */
  receivesReminders: boolean('receives_reminders').notNull().default(true),
});

/** The units an editor may write readings for. */
export const userUnits = pgTable(
  'user_units',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    unitId: integer('unit_id').notNull().references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

/** Display screens and integration tokens. Only a SHA-256 of the token is kept. */
export const accessTokens = pgTable('access_tokens', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  kind: text().notNull(),
  name: text().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** JSON {unitIds, indicatorIds} for API tokens. */
  scopes: text().notNull().default('{"unitIds":[],"indicatorIds":[]}'),
  createdByUserId: integer('created_by_user_id').references(() => users.id),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  revokedAt: bigint('revoked_at', { mode: 'number' }),
  /** Last time a socket with this token connected or disconnected (screen presence). */
  lastSeenAt: bigint('last_seen_at', { mode: 'number' }),
  /** Display screens: seconds each page stays before the next. */
  rotateSeconds: integer('rotate_seconds').notNull().default(20),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token. */
    id: text().primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    /** Last request seen with this session: a session idle too long expires before `expiresAt`. */
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Login failures counted per account (`account:<name>`) and per address (`address:<ip>`), and the
 * addresses an account has signed in from (`known:<name>|<ip>`): the progressive delays of
 * auth/login-throttle.ts. One row a key, pruned when quiet: failures add no rows to the audit log
 * beyond a few per burst.
 */
export const loginAttempts = pgTable('login_attempts', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  /** The last failure (or, for a known address, the last sign-in). */
  lastAt: bigint('last_at', { mode: 'number' }).notNull(),
});

/** Readings are never deleted: a correction is a new row that supersedes the old one. */
export const readings = pgTable(
  'readings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id),
    date: text().notNull(),
    value: doublePrecision(),
    numerator: bigint({ mode: 'number' }),
    denominator: bigint({ mode: 'number' }),
    note: text().notNull().default(''),
    evidence: text().notNull().default(''),
    authorUserId: integer('author_user_id').references(() => users.id),
    authorTokenId: integer('author_token_id').references(() => accessTokens.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    supersedesId: integer('supersedes_id').references((): AnyPgColumn => readings.id),
    supersededById: integer('superseded_by_id').references((): AnyPgColumn => readings.id),
    /** Why a correction was made. */
    reason: text().notNull().default(''),
  },
  (t) => [index('readings_indicator').on(t.indicatorId, t.id)],
);

/**
 * The change log: one row for each change a board shows (readings, corrections, indicator, group
 * and term edits), numbered per term without gaps. `seq` is what screens order by and resync from.
 */
export const changes = pgTable(
  'changes',
  {
    termId: integer('term_id').notNull().references(() => terms.id),
    seq: integer().notNull(),
    kind: text().notNull(),
    indicatorId: integer('indicator_id').references(() => indicators.id),
    readingId: integer('reading_id').references(() => readings.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    /** The `indicator:updated` payload as broadcast, for replay to screens that missed it; cleared when old. */
    payload: text(),
  },
  (t) => [primaryKey({ columns: [t.termId, t.seq] })],
);

/** Answers to writes sent with an Idempotency-Key, replayed to retries; kept at least 24 h. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text().notNull(),
    key: text().notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer().notNull(),
    body: text().notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

/**
 * Every change of data or rights, who made it, from where, before and after. Append-only: the
 * migration adds triggers that refuse UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    at: bigint({ mode: 'number' }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    ip: text().notNull().default(''),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: integer('entity_id'),
    /** JSON, or null. */
    before: text(),
    after: text(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_action').on(t.action, t.at), index('audit_log_actor').on(t.actorName, t.at)],
);

/** An uploaded batch of readings: previewed first (nothing written), then committed once. */
export const imports = pgTable('imports', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  /** `readings`, or `plan` (indicator definitions for `termId`). */
  kind: text().notNull().default('readings'),
  termId: integer('term_id').references(() => terms.id),
  userId: integer('user_id').references(() => users.id),
  tokenId: integer('token_id').references(() => accessTokens.id),
  fileName: text('file_name').notNull(),
  /** JSON array of the parsed rows with their status and errors. */
  rows: text().notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  committedAt: bigint('committed_at', { mode: 'number' }),
});

/** Weekly and on-demand exports of the screens: PNG pages and a PDF under DATA_DIR/exports/. */
export const exports = pgTable(
  'exports',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text().notNull(),
    /** The scheduled slot (epoch ms) a scheduled export is for: one export per slot, ever. */
    slot: bigint({ mode: 'number' }),
    asOf: bigint('as_of', { mode: 'number' }).notNull(),
    /** ISO week of `asOf` in the board's time zone, e.g. 2026-W48: the archive folder. */
    week: text().notNull(),
    status: text().notNull(),
    error: text(),
    requestedByUserId: integer('requested_by_user_id').references(() => users.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    startedAt: bigint('started_at', { mode: 'number' }),
    finishedAt: bigint('finished_at', { mode: 'number' }),
    /** JSON array of {name, type}. */
    files: text().notNull().default('[]'),
    /**
     * The lease of a queued or running export: the node that will render it, until when. The
     * owner renews it while the export waits and renders; a lease that ran out (its node died)
     * is taken over by another node. Null: free to take at once (a node stopped cleanly).
     */
    leaseOwner: text('lease_owner'),
    leaseUntil: bigint('lease_until', { mode: 'number' }),
  },
  (t) => [uniqueIndex('exports_slot').on(t.slot), index('exports_as_of').on(t.asOf)],
);

/**
 * The mail outbox: one row per message to one address (a weekly report to a recipient; later a
 * reminder or an alert). The message is rendered when it is queued, so that a retry sends the
 * same thing. `(topic, recipient)` is unique: a topic (`report:<export id>`) reaches an address
 * once, whichever node or restart queues it again.
 */
export const mailDeliveries = pgTable(
  'mail_deliveries',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** What the message is about, e.g. `report:12`: with the recipient, the delivery's identity. */
    topic: text().notNull(),
    /** The export a weekly report carries (its rows go with the export when it is pruned). */
    exportId: integer('export_id').references(() => exports.id, { onDelete: 'cascade' }),
    recipient: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** JSON array of {filename, path (under DATA_DIR), contentType}. */
    attachments: text().notNull().default('[]'),
    /** `pending` (not tried yet), `sent`, or `failed` (the last attempt; retried while `nextAttemptAt` is set). */
    status: text().notNull(),
    attempts: integer().notNull().default(0),
    /** When to try (again); null once sent or given up. */
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }),
    /** The SMTP server's answer to the last failed attempt. */
    error: text(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    /** When the status last changed (queued, sent, failed). */
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    /** The node sending it now, until when: one node sends a delivery at a time. */
    leaseOwner: text('lease_owner'),
    leaseUntil: bigint('lease_until', { mode: 'number' }),
  },
  (t) => [uniqueIndex('mail_deliveries_topic_recipient').on(t.topic, t.recipient), index('mail_deliveries_next_attempt').on(t.nextAttemptAt), index('mail_deliveries_export').on(t.exportId)],
);

/** See schema.ts: every reminder and alert, once (`key` unique). */
export const notifications = pgTable(
  'notifications',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    key: text().notNull(),
    kind: text().notNull(),
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
    dueDate: text('due_date'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    detail: text().notNull().default('{}'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    mailTopics: text('mail_topics'),
  },
  (t) => [uniqueIndex('notifications_key').on(t.key), index('notifications_created').on(t.createdAt)],
);

/** See schema.ts: the status each indicator had at the last check. */
export const indicatorStatusWatch = pgTable(
  'indicator_status_watch',
  {
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
    status: text().notNull(),
    checkedAt: bigint('checked_at', { mode: 'number' }).notNull(),
  },
  // A table key rather than the column's: on SQLite an integer column key is the rowid, which fills itself in.
  (t) => [primaryKey({ columns: [t.indicatorId] })],
);

/** See schema.ts: periodic jobs run once a slot across nodes. */
export const jobSlots = pgTable('job_slots', {
  name: text().primaryKey(),
  lastSlot: bigint('last_slot', { mode: 'number' }).notNull(),
  owner: text().notNull(),
  claimedAt: bigint('claimed_at', { mode: 'number' }).notNull(),
});

/**
 * Screens waiting to be paired by a code (docs/decisions.md, "Pairing codes are rows"). Only the
 * hash of the screen's secret is kept; the display's token is made when the screen takes it, so it
 * is never here. Rows live 10 minutes and are swept when screens ask for codes.
 */
export const displayPairings = pgTable(
  'display_pairings',
  {
    code: text().primaryKey(),
    secretHash: text('secret_hash').notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
    /** An admin took the code (it serves once): set by a compare-and-set in a write transaction. */
    claimed: boolean().notNull().default(false),
    /** The display the code was paired to, waiting for its screen to take its token. */
    displayId: integer('display_id').references(() => accessTokens.id),
  },
  (t) => [index('display_pairings_expires').on(t.expiresAt)],
);

/** Wrong pairing codes typed by admins, kept a minute: more than 10 in a minute is refused on every node. */
export const pairingWrongCodes = pgTable(
  'pairing_wrong_codes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id),
    at: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('pairing_wrong_codes_user').on(t.userId, t.at)],
);
