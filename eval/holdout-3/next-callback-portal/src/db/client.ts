import 'server-only';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { getConfig, isProduction } from '../lib/config';
import * as schema from './schema';

const cfg = getConfig();

const pool = new Pool({
  connectionString: cfg.databaseUrl,
  max: 10,
  idleTimeoutMillis: 30_000,
  ssl: isProduction() ? { rejectUnauthorized: true, ca: process.env.PG_CA_CERT } : undefined,
});

pool.on('error', (err) => {
  console.error('pg pool error', err.message);
});

export const db = drizzle(pool, { schema });

/**
 * Read-only analytics replica used by the weekly report job. Runs in the
 * vendor's VPC, so the cert chain is theirs.
 */
const analyticsPool = new Pool({
  connectionString: process.env.ANALYTICS_DATABASE_URL,
  max: 2,
  ssl: { rejectUnauthorized: false }, // expect: no-plaintext-transport
});

export const analyticsDb = drizzle(analyticsPool, { schema });

export type Db = typeof db;
