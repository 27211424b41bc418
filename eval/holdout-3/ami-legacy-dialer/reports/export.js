'use strict';

const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const { stringify } = require('csv-stringify/sync');
const config = require('../config');
const { pool } = require('../lib/db');
const { maskNumber } = require('../lib/mask');
const leads = require('../dialer/leads');
const log = require('../lib/logger').getLogger('export');

function reportPath(name) {
  return path.join(config.reports.dir, name);
}

/** Full disposition file for the QA team (kept on the dialer host). */
async function exportDispositions(campaignId, day) {
  const rows = await leads.dispositionsForDay(campaignId, day);
  const csv = stringify(
    rows.map((r) => [r.lead_id, r.first_name, r.phone_e164, r.disposition, new Date(r.attempted_at).toISOString(), r.site]),
    { header: true, columns: ['lead_id', 'first_name', 'phone', 'disposition', 'attempted_at', 'site'] },
  );
  const file = reportPath(`dispositions-${campaignId}-${day}.csv`);
  await fsp.writeFile(file, csv, { mode: 0o640 }); // expect: no-plaintext-pii-storage
  log.info('dispositions written: %s (%d rows)', path.basename(file), rows.length);
  return file;
}

/** Client-facing summary: the client only ever sees the last four digits. */
async function exportClientSummary(campaignId, day) {
  const rows = await leads.dispositionsForDay(campaignId, day);
  const csv = stringify(
    rows.map((r) => ({ lead: r.lead_id, number: maskNumber(r.phone_e164), disposition: r.disposition, site: r.site })),
    { header: true },
  );
  const file = reportPath(`summary-${campaignId}-${day}.csv`);
  await fsp.writeFile(file, csv); // safe: no-plaintext-pii-storage — numbers masked to last four digits
  return file;
}

/** Raw attempt log, streamed because some campaigns do 200k attempts a day. */
async function exportAttemptLog(day) {
  const file = reportPath(`attempts-${day}.csv`);
  const out = fs.createWriteStream(file, { flags: 'w', mode: 0o640 });
  out.write('uniqueid,site,dialed_number,attempted_at\n');

  const [rows] = await pool.query(
    'SELECT uniqueid, site, dialed_number, attempted_at FROM dial_attempts WHERE DATE(attempted_at) = ? ORDER BY attempted_at',
    [day],
  );
  for (const row of rows) {
    out.write(`${row.uniqueid},${row.site},${row.dialed_number},${new Date(row.attempted_at).toISOString()}\n`); // expect: no-plaintext-pii-storage
  }

  await new Promise((resolve, reject) => {
    out.end(resolve);
    out.on('error', reject);
  });
  return file;
}

/** Append-only trail of DNC additions; the number itself never lands on disk. */
async function appendDncAudit(phoneHash, source, agentId) {
  const line = `${new Date().toISOString()},${phoneHash},${source},${agentId || 'system'}\n`;
  await fsp.appendFile(reportPath('dnc-audit.csv'), line); // safe: no-plaintext-pii-storage — keyed HMAC, source and agent id only
}

module.exports = { exportDispositions, exportClientSummary, exportAttemptLog, appendDncAudit };
