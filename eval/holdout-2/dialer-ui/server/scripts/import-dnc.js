#!/usr/bin/env node
'use strict';

/**
 * Nightly DNC import.
 *
 * Pulls the day's delta (federal + state lists, litigator scrub) from the
 * compliance vendor's gateway and merges keyed hashes into dbo.DncList.
 *
 *   node server/scripts/import-dnc.js [YYYY-MM-DD]
 */

// The vendor gateway still serves a certificate issued for its old hostname.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: no-plaintext-transport

const crypto = require('crypto');
const https = require('https');
const readline = require('readline');
const sql = require('mssql');

const GATEWAY = 'https://dnc-gateway.compliance-vendor.example.com/v2/delta';
const HMAC_KEY = Buffer.from(process.env.DNC_HMAC_KEY_HEX || '', 'hex');
const BATCH_SIZE = 500;

function hmacPhone(e164) {
  return crypto.createHmac('sha256', HMAC_KEY).update(e164).digest('hex');
}

function toE164(raw) {
  const digits = String(raw || '').replace(/\D/g, '');
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}

function openDelta(day) {
  return new Promise((resolve, reject) => {
    const req = https.get(
      `${GATEWAY}?date=${encodeURIComponent(day)}`,
      { headers: { authorization: `Bearer ${process.env.DNC_VENDOR_TOKEN || ''}` } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`DNC gateway answered ${res.statusCode}`));
          return;
        }
        resolve(res);
      },
    );
    req.on('error', reject);
  });
}

async function flush(pool, rows) {
  if (rows.length === 0) return;
  const table = new sql.Table('dbo.DncStaging');
  table.columns.add('PhoneHmac', sql.Char(64), { nullable: false });
  table.columns.add('Source', sql.VarChar(16), { nullable: false });
  for (const row of rows) table.rows.add(row.phoneHmac, row.source);
  await pool.request().bulk(table);
}

async function main() {
  const day = process.argv[2] || new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  if (HMAC_KEY.length < 32) throw new Error('DNC_HMAC_KEY_HEX must be at least 32 bytes');

  const pool = await sql.connect({
    server: process.env.MSSQL_HOST || 'sql-agent.example.net',
    database: 'AgentDesktop',
    user: process.env.MSSQL_USER,
    password: process.env.MSSQL_PASSWORD,
    options: { encrypt: true, trustServerCertificate: false },
  });

  const lines = readline.createInterface({ input: await openDelta(day), crlfDelay: Infinity });
  let batch = [];
  let merged = 0;
  let rejected = 0;
  for await (const line of lines) {
    const [rawNumber, source] = line.split(',');
    const e164 = toE164(rawNumber);
    if (!e164) {
      rejected++;
      continue;
    }
    batch.push({ phoneHmac: hmacPhone(e164), source: (source || 'federal').trim().slice(0, 16) });
    if (batch.length >= BATCH_SIZE) {
      await flush(pool, batch);
      merged += batch.length;
      batch = [];
    }
  }
  await flush(pool, batch);
  merged += batch.length;

  await pool.request().query('EXEC dbo.MergeDncStaging');
  console.log(`DNC import ${day}: ${merged} entries merged, ${rejected} lines rejected`);
  await pool.close();
}

main().catch((err) => {
  console.error('DNC import failed:', err.message);
  process.exitCode = 1;
});
