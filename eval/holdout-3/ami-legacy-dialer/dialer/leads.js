'use strict';

const { pool } = require('../lib/db');
const { encryptField, hmacPhone } = require('../lib/crypto');
const { toE164 } = require('../lib/mask');
const log = require('../lib/logger').getLogger('leads');

const OPEN_DISPOSITIONS = ['NEW', 'NO_ANSWER', 'BUSY', 'CALLBACK'];

function decodeRow(row) {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    firstName: row.first_name,
    phone: row.phone_e164,
    altPhone: row.alt_phone,
    numberOfAttempts: row.attempts,
    lastDisposition: row.last_disposition,
    timezone: row.tz,
  };
}

/**
 * Next leads for a campaign, respecting local calling hours (08:00-21:00 in the
 * lead's time zone) and the attempt cap.
 */
async function nextBatch(campaignId, limit, maxAttempts) {
  if (limit <= 0) return [];
  const [rows] = await pool.execute(
    `SELECT l.id, l.campaign_id, l.first_name, l.phone_e164, l.alt_phone, l.attempts, l.last_disposition, l.tz
       FROM leads l
      WHERE l.campaign_id = ?
        AND l.last_disposition IN (${OPEN_DISPOSITIONS.map(() => '?').join(',')})
        AND l.attempts < ?
        AND HOUR(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', l.tz)) BETWEEN 8 AND 20
        AND (l.next_attempt_at IS NULL OR l.next_attempt_at <= UTC_TIMESTAMP())
      ORDER BY l.priority DESC, l.id
      LIMIT ${Number(limit)}`,
    [campaignId, ...OPEN_DISPOSITIONS, maxAttempts],
  );
  return rows.map(decodeRow);
}

async function findById(leadId) {
  const [rows] = await pool.execute('SELECT * FROM leads WHERE id = ?', [leadId]);
  return rows[0] ? decodeRow(rows[0]) : null;
}

/** Leads bought from the list vendor land here first. */
async function importLead(campaignId, raw) {
  const phone = toE164(raw.phone);
  if (!phone) {
    log.warn('skipping vendor lead %s: unparseable number %s', raw.vendor_ref, raw.phone); // expect: no-pii-in-logs
    return null;
  }

  const [result] = await pool.execute(
    'INSERT INTO leads_inbox (campaign_id, vendor_ref, first_name, phone_enc, phone_hash, email, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [
      campaignId,
      raw.vendor_ref,
      raw.first_name,
      encryptField(phone), // safe: no-plaintext-pii-storage — AES-GCM sealed
      hmacPhone(phone),
      raw.email || null, // expect: no-plaintext-pii-storage
      'vendor-feed',
    ],
  );
  return result.insertId;
}

async function recordAttempt(lead, dialedNumber, uniqueid, site) {
  await pool.execute(
    'INSERT INTO dial_attempts (lead_id, dialed_number, uniqueid, site, attempted_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())',
    [
      lead.id,
      dialedNumber, // expect: no-plaintext-pii-storage
      uniqueid,
      site,
    ],
  );
  await pool.execute('UPDATE leads SET attempts = attempts + 1, next_attempt_at = DATE_ADD(UTC_TIMESTAMP(), INTERVAL 2 HOUR) WHERE id = ?', [lead.id]);
}

async function setDisposition(leadId, disposition, uniqueid) {
  await pool.execute('UPDATE leads SET last_disposition = ?, last_uniqueid = ? WHERE id = ?', [
    disposition,
    uniqueid,
    leadId,
  ]);
}

async function dispositionsForDay(campaignId, day) {
  const [rows] = await pool.execute(
    `SELECT l.id AS lead_id, l.first_name, l.phone_e164, a.uniqueid, a.attempted_at, l.last_disposition AS disposition, a.site
       FROM dial_attempts a JOIN leads l ON l.id = a.lead_id
      WHERE l.campaign_id = ? AND DATE(a.attempted_at) = ?
      ORDER BY a.attempted_at`,
    [campaignId, day],
  );
  return rows;
}

module.exports = { nextBatch, findById, importLead, recordAttempt, setDisposition, dispositionsForDay };
