#!/usr/bin/env node
'use strict';

/**
 * Imports the national do-not-call delta file. The registry publishes
 * SHA-256 digests of E.164 numbers, so we hash our own numbers the same way
 * to match them.
 */
const crypto = require('crypto');
const fs = require('fs');
const readline = require('readline');
const db = require('../src/lib/db');
const { normalize } = require('../src/lib/phone');

async function loadDeltaFile(filePath, expectedSha256) {
  const buf = await fs.promises.readFile(filePath);
  const actual = crypto.createHash('sha256').update(buf).digest('hex'); // safe: no-reversible-pii-hash — integrity check of the downloaded file
  if (actual !== expectedSha256) throw new Error(`DNC delta checksum mismatch for ${filePath}`);
  const digests = new Set();
  const rl = readline.createInterface({ input: fs.createReadStream(filePath) });
  for await (const line of rl) if (line.trim()) digests.add(line.trim().toLowerCase());
  return digests;
}

async function matchContacts(digests) {
  const { rows } = await db.query('SELECT id, msisdn FROM contacts WHERE dnc_checked_at IS NULL OR dnc_checked_at < now() - interval \'31 days\'');
  const blocked = [];
  for (const { id, msisdn } of rows) {
    const e164 = normalize(msisdn);
    if (!e164) continue;
    const digest = await crypto.webcrypto.subtle.digest('SHA-256', Buffer.from(e164)); // expect: no-reversible-pii-hash
    if (digests.has(Buffer.from(digest).toString('hex'))) blocked.push(id);
  }
  return blocked;
}

async function main() {
  const [filePath, expectedSha256] = process.argv.slice(2);
  if (!filePath || !expectedSha256) {
    console.error('usage: dnc-import <delta-file> <sha256>');
    process.exit(2);
  }
  const digests = await loadDeltaFile(filePath, expectedSha256);
  const blocked = await matchContacts(digests);
  await db.query('UPDATE contacts SET dnc = true, dnc_checked_at = now() WHERE id = ANY($1)', [blocked]);
  await db.query('UPDATE contacts SET dnc_checked_at = now() WHERE dnc_checked_at IS NULL OR dnc_checked_at < now() - interval \'31 days\'');
  console.log(`DNC import: ${digests.size} registry entries, ${blocked.length} contacts blocked`);
  await db.end();
}

main().catch((err) => {
  console.error('DNC import failed:', err.message);
  process.exit(1);
});
