'use strict';

const config = require('../config');
const ami = require('../lib/ami');
const { pool } = require('../lib/db');
const { assertDialable } = require('../lib/dnc');
const { dialString } = require('../lib/mask');
const log = require('../lib/logger').getLogger('callbacks');

/**
 * Agent-scheduled callbacks ("call me back Thursday after 5"). The agent's
 * phone rings first; when they pick up, Asterisk dials the customer.
 */

async function dueCallbacks(limit = 20) {
  const [rows] = await pool.execute(
    `SELECT c.id, c.lead_id, c.agent_ext, c.note, l.phone_e164 AS phone, l.campaign_id
       FROM scheduled_callbacks c JOIN leads l ON l.id = c.lead_id
      WHERE c.status = 'SCHEDULED' AND c.due_at <= UTC_TIMESTAMP()
      ORDER BY c.due_at
      LIMIT ${Number(limit)}`,
  );
  return rows;
}

async function setStatus(id, status) {
  await pool.execute('UPDATE scheduled_callbacks SET status = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?', [status, id]);
}

async function placeCallback(cb) {
  try {
    await assertDialable(cb.phone);
  } catch (err) {
    if (err.code === 'DNC_BLOCKED') {
      await setStatus(cb.id, 'CANCELLED_DNC');
      log.info('callback %d cancelled: number is on a DNC list', cb.id);
      return false;
    }
    throw err;
  }

  log.info('placing callback %d for agent %s to %s', cb.id, cb.agent_ext, cb.phone); // expect: no-pii-in-logs

  const site = config.pbx[0];
  const client = await ami.getClient(site);
  await client.action({ // safe: require-consent-check — assertDialable throws (or returns early) before this
    Action: 'Originate',
    Channel: `Local/${cb.agent_ext}@${config.dialer.agentContext}`,
    Context: 'callback-bridge',
    Exten: dialString(cb.phone),
    Priority: 1,
    CallerID: config.dialer.callerId,
    Timeout: 25000,
    Async: 'true',
    Variable: [`LEAD_ID=${cb.lead_id}`, `CALLBACK_ID=${cb.id}`],
  });
  await setStatus(cb.id, 'DIALLED');
  return true;
}

async function runDueCallbacks() {
  const due = await dueCallbacks();
  let placed = 0;
  for (const cb of due) {
    try {
      if (await placeCallback(cb)) placed += 1;
    } catch (err) {
      log.error('callback %d failed: %s', cb.id, err.message);
      await setStatus(cb.id, 'ERROR');
    }
  }
  if (due.length > 0) {
    log.info('callbacks: %d due, %d placed', due.length, placed);
  }
  return placed;
}

module.exports = { runDueCallbacks, placeCallback };
