// Connection settings whose TLS switch sits in the driver's nested options: mssql `options`, Sequelize
// `dialectOptions`, TypeORM `extra`.
import sql from 'mssql';
import { Sequelize } from 'sequelize';

export const reportingConfig: sql.config = {
  server: process.env.SQL_REPORTING_HOST ?? 'sql-reporting.internal.acme-contact.com',
  database: 'AgentReporting',
  user: process.env.SQL_USER,
  password: process.env.SQL_PASSWORD,
  options: {
    encrypt: false, // $ Alert[no-plaintext-transport]
    appName: 'agent-api-reporting',
  },
};

export const primaryConfig: sql.config = {
  server: process.env.SQL_HOST ?? 'sql.internal.acme-contact.com',
  database: 'Agent',
  options: {
    encrypt: true, // safe: TLS on
    trustServerCertificate: false,
  },
};

export const localConfig: sql.config = {
  server: 'localhost',
  database: 'AgentDev',
  options: {
    encrypt: false, // safe: loopback development database
  },
};

export const reporting = new Sequelize(process.env.REPORTING_URL ?? '', {
  dialect: 'postgres',
  dialectOptions: {
    ssl: false, // $ Alert[no-plaintext-transport]
    statement_timeout: 60_000,
  },
});

export const primary = new Sequelize(process.env.DATABASE_URL ?? '', {
  dialect: 'postgres',
  dialectOptions: {
    ssl: { require: true, rejectUnauthorized: true }, // safe: TLS with certificate checks
  },
});

// An upload widget's own options: no connection here, so `encrypt: false` is no TLS switch.
export const uploadWidget = {
  maxFiles: 3,
  options: {
    encrypt: false, // safe: not connection settings
  },
};
