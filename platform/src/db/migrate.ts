import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import type { Database } from './database.js';

const bookkeeping = pgSchema('drizzle');

function migrationsTable(schema: string) {
  return bookkeeping.table(`__${schema}_migrations`, {
    id: serial('id').primaryKey(),
    hash: text('hash').notNull().unique(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  });
}

/**
 * Applies a subgraph's drizzle-kit migrations in one transaction under an
 * advisory lock, so several processes starting at once neither race nor
 * apply a migration twice. Works the same on PostgreSQL and PGlite.
 */
export async function migrate(db: Database, opts: { schema: string; migrationsFolder: string }): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: opts.migrationsFolder });
  const table = migrationsTable(opts.schema);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('travel-supergraph:migrations'))`);
    await tx.execute(sql`create schema if not exists "drizzle"`);
    await tx.execute(
      sql.raw(`create table if not exists "drizzle"."__${opts.schema}_migrations" (id serial primary key, hash text not null unique, created_at bigint not null)`),
    );
    const applied = new Set((await tx.select({ hash: table.hash }).from(table)).map((r) => r.hash));
    let count = 0;
    for (const migration of migrations) {
      if (applied.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.insert(table).values({ hash: migration.hash, createdAt: migration.folderMillis });
      count += 1;
    }
    return count;
  });
}
