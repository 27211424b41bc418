'use strict';

const { pool } = require('../lib/db');
const { hmacPhone } = require('../lib/crypto');
const leads = require('./leads');
const log = require('../lib/logger').getLogger('ami-events');

const DISPOSITION_BY_STATUS = {
  ANSWER: 'ANSWERED',
  BUSY: 'BUSY',
  NOANSWER: 'NO_ANSWER',
  CANCEL: 'NO_ANSWER',
  CONGESTION: 'NETWORK',
  CHANUNAVAIL: 'NETWORK',
};

function readVar(evt, name) {
  // AMI sends channel variables as ChanVariable(NAME): value
  return evt[`ChanVariable(${name})`] || evt[name] || null;
}

/**
 * Wires AMI events from one PBX site into the database and the logs.
 * Inbound calls (customers ringing back the caller ID) also arrive on these
 * sites, so CallerIDNum is a customer number as often as it is ours.
 */
function attach(client, siteName) {
  client.on('Newchannel', (evt) => {
    log.info('Newchannel %s callerid=%s state=%s', evt.Channel, evt.CallerIDNum, evt.ChannelStateDesc); // expect: no-pii-in-logs
  });

  client.on('DialEnd', async (evt) => {
    const leadId = readVar(evt, 'LEAD_ID');
    const disposition = DISPOSITION_BY_STATUS[evt.DialStatus] || 'OTHER';
    try {
      await pool.execute(
        'INSERT INTO call_log (uniqueid, dest_uniqueid, site, dest_number_hash, dial_status, logged_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())',
        [
          evt.Uniqueid,
          evt.DestUniqueid,
          siteName,
          evt.DestCallerIDNum ? hmacPhone(evt.DestCallerIDNum) : null, // safe: no-plaintext-pii-storage — keyed HMAC
          evt.DialStatus,
        ],
      );
      if (leadId) {
        await leads.setDisposition(Number(leadId), disposition, evt.Uniqueid);
      }
    } catch (err) {
      log.error('call_log insert failed for %s: %s', evt.Uniqueid, err.code || err.message);
    }
    log.debug('DialEnd uniqueid=%s status=%s lead=%s', evt.Uniqueid, evt.DialStatus, leadId || '-');
  });

  client.on('Hangup', (evt) => {
    log.debug('Hangup uniqueid=%s cause=%s (%s)', evt.Uniqueid, evt.Cause, evt['Cause-txt']);
  });

  client.on('AgentConnect', (evt) => {
    log.info('agent %s connected to %s after %ss in queue %s', evt.MemberName, evt.Uniqueid, evt.HoldTime, evt.Queue);
  });

  client.on('QueueCallerAbandon', async (evt) => {
    const leadId = readVar(evt, 'LEAD_ID');
    if (!leadId) return;
    await pool.execute('INSERT INTO abandoned_calls (lead_id, uniqueid, queue, hold_seconds, abandoned_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())', [
      Number(leadId),
      evt.Uniqueid,
      evt.Queue,
      Number(evt.HoldTime || 0),
    ]);
  });

  client.on('OriginateResponse', (evt) => {
    if (evt.Response !== 'Failure') return;
    log.warn('originate failed on %s: reason=%s lead=%s', siteName, evt.Reason, readVar(evt, 'LEAD_ID') || '-');
  });
}

module.exports = { attach };
