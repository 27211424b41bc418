'use strict';

const { pool } = require('./db');
const { hmacPhone } = require('./crypto');
const { maskNumber } = require('./mask');
const log = require('./logger').getLogger('dnc');

/**
 * Do-not-call checks. Two lists:
 *  - dnc_internal: people who asked us (or the client) not to call again
 *  - dnc_registry: the national registry snapshot, refreshed monthly
 * Both are keyed by HMAC of the E.164 number.
 */

const cache = new Map();
const CACHE_TTL_MS = 5 * 60 * 1000;

async function isBlocked(phone) {
  const key = hmacPhone(phone);
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return hit.blocked;

  const [rows] = await pool.execute(
    'SELECT 1 FROM dnc_internal WHERE phone_hash = ? UNION ALL SELECT 1 FROM dnc_registry WHERE phone_hash = ? LIMIT 1',
    [key, key],
  );
  const blocked = rows.length > 0;
  cache.set(key, { blocked, expires: Date.now() + CACHE_TTL_MS });
  return blocked;
}

/** Returns only the leads whose number is clear to dial. */
async function filterDialable(leads) {
  const clear = [];
  for (const lead of leads) {
    if (await isBlocked(lead.phone)) {
      log.debug('lead %d removed by DNC (%s)', lead.id, maskNumber(lead.phone)); // safe: no-pii-in-logs — masked number
      continue;
    }
    clear.push(lead);
  }
  return clear;
}

/** Throws when the number must not be dialled. */
async function assertDialable(phone) {
  if (await isBlocked(phone)) {
    const err = new Error(`DNC: ${maskNumber(phone)} may not be dialled`); // safe: no-pii-in-logs — masked number in the error message
    err.code = 'DNC_BLOCKED';
    throw err;
  }
}

async function addToDnc(phone, source, agentId) {
  const key = hmacPhone(phone);
  await pool.execute('INSERT IGNORE INTO dnc_internal (phone_hash, source, agent_id, added_at) VALUES (?, ?, ?, NOW())', [
    key,
    source,
    agentId || null,
  ]);
  cache.set(key, { blocked: true, expires: Date.now() + CACHE_TTL_MS });
  log.info('added to internal DNC from %s by agent %s', source, agentId || 'system');
}

module.exports = { isBlocked, filterDialable, assertDialable, addToDnc };
