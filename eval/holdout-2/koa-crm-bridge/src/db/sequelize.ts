import { Sequelize } from 'sequelize';
import config from '../config';
import log from '../lib/logger';

/** Primary CRM-bridge database (RDS Postgres). */
export const sequelize = new Sequelize(config.db.url, {
  dialect: 'postgres',
  logging: false,
  pool: { max: 10, min: 0, idle: 10_000 },
  dialectOptions: config.isProd
    ? {
        ssl: { require: true, rejectUnauthorized: true, ca: config.db.caPem }, // safe: no-plaintext-transport — TLS with certificate verification in production
      }
    : {},
});

/** Read replica in the reporting VPC, used by the exports. */
export const reporting = new Sequelize(config.db.reportingUrl, {
  dialect: 'postgres',
  logging: false,
  pool: { max: 4, min: 0, idle: 30_000 },
  dialectOptions: {
    ssl: false, // expect: no-plaintext-transport
    statement_timeout: 60_000,
  },
});

export async function connectDatabases(): Promise<void> {
  await sequelize.authenticate();
  await reporting.authenticate();
  log.info({ dialect: sequelize.getDialect() }, 'databases connected');
}
