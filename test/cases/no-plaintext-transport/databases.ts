// Database connections of the reporting and campaign services: CDRs, leads, dispositions.
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
import { MongoClient } from 'mongodb';

// Postgres: CDR warehouse.
export const cdrWarehouse = new Pool({
  connectionString: 'postgres://reporting@cdr-db.acme-contact.com:5432/cdr?sslmode=disable', // $ Alert[no-plaintext-transport]
  max: 10,
});

export const cdrReplica = new Pool({
  host: 'cdr-replica.acme-contact.com',
  port: 5432,
  database: 'cdr',
  user: 'reporting',
  ssl: false, // $ Alert[no-plaintext-transport]
});

export const cdrVerified = new Pool({
  connectionString: 'postgres://reporting@cdr-db.acme-contact.com:5432/cdr?sslmode=verify-full', // safe: TLS with verification
  ssl: { rejectUnauthorized: true, ca: process.env.PG_CA_CERT }, // safe: TLS with verification
});

export const localCdr = new Pool({ connectionString: 'postgres://dev@localhost:5432/cdr?sslmode=disable' }); // safe: loopback
export const managedCdr = new Pool({ connectionString: process.env.DATABASE_URL, ssl: process.env.PGSSLMODE !== 'disable' }); // safe: env-driven

export const herokuStyle = new Pool({
  connectionString: process.env.LEADS_DATABASE_URL,
  ssl: { rejectUnauthorized: false }, // $ Alert[no-plaintext-transport]
});

// MySQL: legacy dialer schema.
export const legacyDialer = mysql.createPool({
  host: 'dialer-db.acme-contact.com',
  user: 'dialer',
  database: 'vicidial',
  ssl: false, // $ Alert[no-plaintext-transport]
});

export const legacyDialerTls = mysql.createPool({
  host: 'dialer-db.acme-contact.com',
  user: 'dialer',
  database: 'vicidial',
  ssl: { ca: process.env.MYSQL_CA_CERT, rejectUnauthorized: true }, // safe: TLS with verification
});

// Sequelize: campaign service.
export const campaigns = new Sequelize('campaigns', 'campaigns', process.env.CAMPAIGNS_DB_PASSWORD, {
  host: 'campaigns-db.acme-contact.com',
  dialect: 'postgres',
  ssl: false, // $ Alert[no-plaintext-transport]
});

export const campaignsTls = new Sequelize('campaigns', 'campaigns', process.env.CAMPAIGNS_DB_PASSWORD, {
  host: 'campaigns-db.acme-contact.com',
  dialect: 'postgres',
  dialectOptions: { ssl: { require: true, rejectUnauthorized: true } }, // safe: TLS required and verified
});

// TypeORM: dispositions service.
export const dispositions = new DataSource({
  type: 'postgres',
  host: 'dispositions-db.acme-contact.com',
  port: 5432,
  database: 'dispositions',
  ssl: false, // $ Alert[no-plaintext-transport]
});

export const dispositionsTls = new DataSource({
  type: 'postgres',
  host: 'dispositions-db.acme-contact.com',
  port: 5432,
  database: 'dispositions',
  ssl: true, // safe: TLS on
});

// MongoDB: IVR journey store.
export const journeys = new MongoClient('mongodb://ivr@journeys-1.acme-contact.com:27017/journeys?replicaSet=rs0&tls=false'); // $ Alert[no-plaintext-transport]
export const journeysOpts = new MongoClient(process.env.JOURNEYS_MONGO_URL ?? '', {
  replicaSet: 'rs0',
  authSource: 'admin',
  tls: false, // $ Alert[no-plaintext-transport]
});
export const journeysAtlas = new MongoClient('mongodb+srv://ivr@journeys.abcde.mongodb.net/journeys?retryWrites=true'); // safe: SRV implies TLS
export const journeysTls = new MongoClient('mongodb://ivr@journeys-1.acme-contact.com:27017/journeys?tls=true'); // safe: tls=true

// Admin UI: a display flag on an integration card, not a connection setting.
export const integrationCard = {
  name: 'Legacy CRM',
  ssl: false, // safe: UI flag, no connection settings next to it
  badge: 'warning',
  tooltip: 'This integration is not encrypted yet',
};
