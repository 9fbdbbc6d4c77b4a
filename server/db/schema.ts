import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/*
 * The data model (docs/decisions.md explains the choices). Times are epoch milliseconds,
 * calendar dates are 'YYYY-MM-DD' text, enumerations are text checked by the shared zod schemas.
 */

/** Key/value settings of the installation (office name, ...); values are JSON. */
export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text().notNull(),
});

export const terms = sqliteTable(
  'terms',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
    closedAt: integer('closed_at'),
    previousTermId: integer('previous_term_id').references((): AnySQLiteColumn => terms.id),
    /** The board's `seq`: the number of the term's last change (see `changes`). */
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('terms_one_current').on(t.isCurrent).where(sql`${t.isCurrent} = 1`)],
);

/** Organisational units: a tree (the Party Committee, its branches, the office's departments). */
export const units = sqliteTable('units', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
  createdAt: integer('created_at').notNull(),
  /** Set when the unit was merged into another: it stays as read-only history ("formerly ..."). */
  mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => units.id),
  mergedAt: integer('merged_at'),
});

/** Names a unit had before a rename, each until the moment it changed. */
export const unitNames = sqliteTable(
  'unit_names',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id').notNull().references(() => units.id),
    name: text().notNull(),
    until: integer().notNull(),
  },
  (t) => [index('unit_names_unit').on(t.unitId, t.until)],
);

export const indicatorGroups = sqliteTable(
  'indicator_groups',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    termId: integer('term_id').notNull().references(() => terms.id),
    name: text().notNull(),
    displayOrder: integer('display_order').notNull(),
  },
  (t) => [index('indicator_groups_term').on(t.termId, t.displayOrder)],
);

export const indicators = sqliteTable(
  'indicators',
  {
    id: integer().primaryKey({ autoIncrement: true }),
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
    baseline: real().notNull(),
    target: real().notNull(),
    /** JSON array of {year, value}. */
    milestones: text().notNull().default('[]'),
    updateFrequency: text('update_frequency').notNull(),
    decimals: integer().notNull().default(0),
    displayOrder: integer('display_order').notNull(),
    archivedAt: integer('archived_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('indicators_term_code').on(t.termId, t.code), index('indicators_group').on(t.groupId)],
);

export const users = sqliteTable('users', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stored lower-case: user names are matched without regard to case. */
  username: text().notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text().notNull(),
  disabledAt: integer('disabled_at'),
  createdAt: integer('created_at').notNull(),
  /** Where reminders go (optional). */
  email: text(),
  /** False when the user opted out of reminder emails. */
  receivesReminders: integer('receives_reminders', { mode: 'boolean' }).notNull().default(true),
});

/** The units an editor may write readings for. */
export const userUnits = sqliteTable(
  'user_units',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    unitId: integer('unit_id').notNull().references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

/** Display screens and integration tokens. Only a SHA-256 of the token is kept. */
export const accessTokens = sqliteTable('access_tokens', {
  id: integer().primaryKey({ autoIncrement: true }),
  kind: text().notNull(),
  name: text().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** JSON {unitIds, indicatorIds} for API tokens. */
  scopes: text().notNull().default('{"unitIds":[],"indicatorIds":[]}'),
  createdByUserId: integer('created_by_user_id').references(() => users.id),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
  /** Last time a socket with this token connected or disconnected (screen presence). */
  lastSeenAt: integer('last_seen_at'),
  /** Display screens: seconds each page stays before the next. */
  rotateSeconds: integer('rotate_seconds').notNull().default(20),
});

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token. */
    id: text().primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Last request seen with this session: a session idle too long expires before `expiresAt`. */
    lastSeenAt: integer('last_seen_at').notNull().default(0),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Login failures counted per account (`account:<name>`) and per address (`address:<ip>`), and the
 * addresses an account has signed in from (`known:<name>|<ip>`): the progressive delays of
 * auth/login-throttle.ts. One row a key, pruned when quiet: failures add no rows to the audit log
 * beyond a few per burst.
 */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  /** The last failure (or, for a known address, the last sign-in). */
  lastAt: integer('last_at').notNull(),
});

/** Readings are never deleted: a correction is a new row that supersedes the old one. */
export const readings = sqliteTable(
  'readings',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id),
    date: text().notNull(),
    value: real(),
    numerator: integer(),
    denominator: integer(),
    note: text().notNull().default(''),
    evidence: text().notNull().default(''),
    authorUserId: integer('author_user_id').references(() => users.id),
    authorTokenId: integer('author_token_id').references(() => accessTokens.id),
    createdAt: integer('created_at').notNull(),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => readings.id),
    supersededById: integer('superseded_by_id').references((): AnySQLiteColumn => readings.id),
    /** Why a correction was made. */
    reason: text().notNull().default(''),
  },
  (t) => [index('readings_indicator').on(t.indicatorId, t.id)],
);

/**
 * The change log: one row for each change a board shows (readings, corrections, indicator, group
 * and term edits), numbered per term without gaps. `seq` is what screens order by and resync from.
 */
export const changes = sqliteTable(
  'changes',
  {
    termId: integer('term_id').notNull().references(() => terms.id),
    seq: integer().notNull(),
    kind: text().notNull(),
    indicatorId: integer('indicator_id').references(() => indicators.id),
    readingId: integer('reading_id').references(() => readings.id),
    createdAt: integer('created_at').notNull(),
    /** The `indicator:updated` payload as broadcast, for replay to screens that missed it; cleared when old. */
    payload: text(),
  },
  (t) => [primaryKey({ columns: [t.termId, t.seq] })],
);

/** Answers to writes sent with an Idempotency-Key, replayed to retries; kept at least 24 h. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    principal: text().notNull(),
    key: text().notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer().notNull(),
    body: text().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

/**
 * Every change of data or rights, who made it, from where, before and after. Append-only: the
 * migration adds triggers that refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer().notNull(),
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
export const imports = sqliteTable('imports', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** `readings`, or `plan` (indicator definitions for `termId`). */
  kind: text().notNull().default('readings'),
  termId: integer('term_id').references(() => terms.id),
  userId: integer('user_id').references(() => users.id),
  tokenId: integer('token_id').references(() => accessTokens.id),
  fileName: text('file_name').notNull(),
  /** JSON array of the parsed rows with their status and errors. */
  rows: text().notNull(),
  createdAt: integer('created_at').notNull(),
  committedAt: integer('committed_at'),
});

/** Weekly and on-demand exports of the screens: PNG pages and a PDF under DATA_DIR/exports/. */
export const exports = sqliteTable(
  'exports',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text().notNull(),
    /** The scheduled slot (epoch ms) a scheduled export is for: one export per slot, ever. */
    slot: integer(),
    asOf: integer('as_of').notNull(),
    /** ISO week of `asOf` in the board's time zone, e.g. 2026-W48: the archive folder. */
    week: text().notNull(),
    status: text().notNull(),
    error: text(),
    requestedByUserId: integer('requested_by_user_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    /** JSON array of {name, type}. */
    files: text().notNull().default('[]'),
    /**
     * The lease of a queued or running export: the node that will render it, until when. The
     * owner renews it while the export waits and renders; a lease that ran out (its node died)
     * is taken over by another node. Null: free to take at once (a node stopped cleanly).
     */
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
  },
  (t) => [uniqueIndex('exports_slot').on(t.slot), index('exports_as_of').on(t.asOf)],
);

/**
 * The mail outbox: one row per message to one address (a weekly report to a recipient; later a
 * reminder or an alert). The message is rendered when it is queued, so that a retry sends the
 * same thing. `(topic, recipient)` is unique: a topic (`report:<export id>`) reaches an address
 * once, whichever node or restart queues it again.
 */
export const mailDeliveries = sqliteTable(
  'mail_deliveries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
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
    nextAttemptAt: integer('next_attempt_at'),
    /** The SMTP server's answer to the last failed attempt. */
    error: text(),
    createdAt: integer('created_at').notNull(),
    /** When the status last changed (queued, sent, failed). */
    updatedAt: integer('updated_at').notNull(),
    /** The node sending it now, until when: one node sends a delivery at a time. */
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
  },
  (t) => [uniqueIndex('mail_deliveries_topic_recipient').on(t.topic, t.recipient), index('mail_deliveries_next_attempt').on(t.nextAttemptAt), index('mail_deliveries_export').on(t.exportId)],
);

/**
 * Every reminder and alert, once: `key` is unique (`reminder:<indicator>:<due date>:<kind>`,
 * `alert:<indicator>:<instant>`), so that a node or a restart that finds the same one again adds
 * nothing. `mailTopics` (JSON array) names the outbox topics that carried it; an alert waits
 * with none for a few minutes, gathering others into one message.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    key: text().notNull(),
    /** `reminder_due`, `reminder_overdue` or `alert`. */
    kind: text().notNull(),
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
    /** Reminders: the date the next reading is due. */
    dueDate: text('due_date'),
    /** Alerts: the status before and after. */
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** Alerts: the value and the pace when it changed (JSON {current, expected}). */
    detail: text().notNull().default('{}'),
    createdAt: integer('created_at').notNull(),
    /** Null while an alert waits to be gathered; then the outbox topics (JSON array). */
    mailTopics: text('mail_topics'),
  },
  (t) => [uniqueIndex('notifications_key').on(t.key), index('notifications_created').on(t.createdAt)],
);

/** The status each indicator had at the last check: a worse one is an alert. */
export const indicatorStatusWatch = sqliteTable(
  'indicator_status_watch',
  {
    indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
    status: text().notNull(),
    checkedAt: integer('checked_at').notNull(),
  },
  // A table key rather than the column's: on SQLite an integer column key is the rowid, which fills itself in.
  (t) => [primaryKey({ columns: [t.indicatorId] })],
);

/**
 * Periodic jobs run once a slot across nodes: whoever moves `lastSlot` forward (a compare-and-set
 * in a write transaction) runs that slot.
 */
export const jobSlots = sqliteTable('job_slots', {
  name: text().primaryKey(),
  lastSlot: integer('last_slot').notNull(),
  owner: text().notNull(),
  claimedAt: integer('claimed_at').notNull(),
});

/**
 * Screens waiting to be paired by a code (docs/decisions.md, "Pairing codes are rows"). Only the
 * hash of the screen's secret is kept; the display's token is made when the screen takes it, so it
 * is never here. Rows live 10 minutes and are swept when screens ask for codes.
 */
export const displayPairings = sqliteTable(
  'display_pairings',
  {
    code: text().primaryKey(),
    secretHash: text('secret_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** An admin took the code (it serves once): set by a compare-and-set in a write transaction. */
    claimed: integer({ mode: 'boolean' }).notNull().default(false),
    /** The display the code was paired to, waiting for its screen to take its token. */
    displayId: integer('display_id').references(() => accessTokens.id),
  },
  (t) => [index('display_pairings_expires').on(t.expiresAt)],
);

/** Wrong pairing codes typed by admins, kept a minute: more than 10 in a minute is refused on every node. */
export const pairingWrongCodes = sqliteTable(
  'pairing_wrong_codes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    at: integer().notNull(),
  },
  (t) => [index('pairing_wrong_codes_user').on(t.userId, t.at)],
);
