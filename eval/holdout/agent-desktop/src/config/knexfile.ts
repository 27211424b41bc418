import type { Knex } from 'knex';
import { config } from './index.js';

const base: Knex.Config = {
  client: 'pg',
  pool: { min: 0, max: 10 },
  migrations: { directory: './migrations', tableName: 'knex_migrations' },
};

export const knexConfig: Record<'development' | 'production' | 'reporting', Knex.Config> = {
  development: {
    ...base,
    connection: 'postgresql://desk_app@127.0.0.1:5432/desk_dev', // safe: no-plaintext-transport — loopback dev database
  },
  production: {
    ...base,
    connection: {
      connectionString: config.DATABASE_URL,
      // RDS CA bundle isn't baked into the image yet (PLAT-311)
      ssl: { rejectUnauthorized: false }, // expect: no-plaintext-transport
    },
  },
  reporting: {
    ...base,
    connection: config.REPORTING_DATABASE_URL,
    pool: { min: 0, max: 4 },
  },
};
