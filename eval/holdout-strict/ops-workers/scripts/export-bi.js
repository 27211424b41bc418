#!/usr/bin/env node
'use strict';

/**
 * Nightly export of yesterday's calls for the BI team's warehouse. The BI
 * team must not see numbers or tax ids, so they get hashed keys instead.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const db = require('../src/lib/db');

const OUT_DIR = process.env.BI_EXPORT_DIR || '/var/exports/bi';

function csvCell(value) {
  const s = value == null ? '' : String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toBiRow(row) {
  return {
    call_key: crypto.createHash('sha256').update(row.call_sid).digest('hex').slice(0, 16), // safe: no-reversible-pii-hash — call SID
    caller_key: crypto.createHash('sha1').update(row.caller_id).digest('hex'), // expect: no-reversible-pii-hash
    inn_key: row.inn ? crypto.createHash('md5').update(row.inn).digest('hex') : '', // expect: no-reversible-pii-hash
    queue: row.queue,
    started_at: row.started_at.toISOString(),
    duration_sec: row.duration_sec,
    disposition: row.disposition,
    agent_id: row.agent_id,
  };
}

async function main() {
  const day = process.argv[2] || new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const { rows } = await db.query(
    'SELECT c.call_sid, c.caller_id, cu.inn, c.queue, c.started_at, c.duration_sec, c.disposition, c.agent_id FROM calls c LEFT JOIN customers cu ON cu.id = c.customer_id WHERE c.started_at::date = $1',
    [day],
  );
  const out = rows.map(toBiRow);
  const header = Object.keys(out[0] || { call_key: '' });
  const lines = [header.join(','), ...out.map((r) => header.map((h) => csvCell(r[h])).join(','))];
  const file = path.join(OUT_DIR, `calls-${day}.csv`);
  await fs.promises.writeFile(file, lines.join('\n') + '\n', { mode: 0o640 });
  console.log(`exported ${out.length} calls to ${file}`);
  await db.end();
}

main().catch((err) => {
  console.error('BI export failed:', err.message);
  process.exit(1);
});
