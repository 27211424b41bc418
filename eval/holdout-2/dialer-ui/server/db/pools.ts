import sql from 'mssql';
import { config } from '../config';

const primaryConfig: sql.config = {
  server: config.sql.server,
  database: config.sql.database,
  user: config.sql.user,
  password: config.sql.password,
  pool: { max: 10, min: 0, idleTimeoutMillis: 30_000 },
  options: {
    encrypt: true, // safe: no-plaintext-transport — TDS encryption on, with certificate validation below
    trustServerCertificate: false,
    appName: 'agent-api',
  },
};

/** Supervisors' reporting warehouse (Power BI reads from it). */
const reportingConfig: sql.config = {
  server: config.sql.reportingServer,
  database: 'AgentReporting',
  user: config.sql.user,
  password: config.sql.password,
  pool: { max: 4, min: 0, idleTimeoutMillis: 60_000 },
  options: {
    encrypt: false, // expect: no-plaintext-transport
    appName: 'agent-api-reporting',
  },
};

let primary: Promise<sql.ConnectionPool> | undefined;
let reporting: Promise<sql.ConnectionPool> | undefined;

export function primaryPool(): Promise<sql.ConnectionPool> {
  primary ??= new sql.ConnectionPool(primaryConfig).connect();
  return primary;
}

export function reportingPool(): Promise<sql.ConnectionPool> {
  reporting ??= new sql.ConnectionPool(reportingConfig).connect();
  return reporting;
}

export { sql };
