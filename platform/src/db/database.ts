import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import postgres from 'postgres';
import type { Config } from '../config.js';

/** The driver-neutral drizzle database every repository is written against. */
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/**
 * PostgreSQL through postgres.js when DATABASE_URL is set, otherwise PGlite
 * (Postgres compiled to WASM) persisted under DATA_DIR. One handle per process,
 * shared by every subgraph that process runs.
 */
export async function createDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATA_DIR'>): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const client = postgres(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE, onnotice: () => {} });
    return { db: drizzlePostgres(client) as unknown as Database, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = resolve(config.DATA_DIR, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}

/** A PGlite database in a folder, or in memory when `dir` is undefined (tests). */
export async function openPglite(dir?: string): Promise<DatabaseHandle> {
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  return { db: drizzlePglite(client) as unknown as Database, kind: 'pglite', close: () => client.close() };
}
