import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations, generated from the twin schema (SQLite's are in drizzle.config.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.pg.ts',
  out: './server/db/migrations-pg',
});
