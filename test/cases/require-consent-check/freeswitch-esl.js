// Callback dialer driving FreeSWITCH over the event socket (modesl), plain JavaScript.
import esl from 'modesl';
import { consentClient } from '@acme/compliance';

const GATEWAY = 'carrier-one';
const CALLER_ID = process.env.OUTBOUND_CALLER_ID ?? '';

/** @returns {Promise<esl.Connection>} */
export function connect() {
  return new Promise((resolve) => {
    const conn = new esl.Connection('127.0.0.1', 8021, process.env.FS_ESL_PASSWORD ?? '', () => resolve(conn));
  });
}

/**
 * @param {esl.Connection} conn
 * @param {{ id: string, phone: string }} lead
 */
export function dialLead(conn, lead) {
  conn.bgapi( // $ Alert[require-consent-check]
    `originate {origination_caller_id_number=${CALLER_ID},lead_id=${lead.id}}sofia/gateway/${GATEWAY}/${lead.phone} &park()`,
    (res) => res.getBody(),
  );
}

export async function dialLeadChecked(conn, lead) {
  if (!(await consentClient.isCallable(lead.phone))) return;
  conn.bgapi(`originate {lead_id=${lead.id}}sofia/gateway/${GATEWAY}/${lead.phone} &park()`); // safe: consent early return
}

// Synchronous api originate bridging straight to an agent extension.
export function clickToCall(conn, agentExtension, customerPhone) {
  conn.api(`originate sofia/gateway/${GATEWAY}/${customerPhone} &bridge(user/${agentExtension})`, (res) => res.getBody()); // $ Alert[require-consent-check]
}

// Command text built first, sent later.
export function scheduledCallback(conn, job) {
  const command = `originate {origination_caller_id_number=${CALLER_ID}}sofia/gateway/${GATEWAY}/${job.phone} 9000 XML callbacks`;
  conn.bgapi(command); // $ Alert[require-consent-check]
}

export async function scheduledCallbackChecked(conn, job) {
  const optedOut = await consentClient.isOptedOut(job.phone);
  const command = `originate sofia/gateway/${GATEWAY}/${job.phone} 9000 XML callbacks`;
  if (!optedOut) conn.bgapi(command); // safe: opt-out checked
}

// Not dialling: status, inventory and control of existing channels.
export function gatewayStatus(conn) {
  conn.api(`sofia status gateway ${GATEWAY}`, (res) => res.getBody()); // safe: status query
}

export function serverStatus(conn) {
  conn.api('status', (res) => res.getBody()); // safe: status query
}

export function channelCount(conn) {
  conn.api('show channels as json', (res) => JSON.parse(res.getBody()).row_count); // safe: listing
}

export function hangUp(conn, uuid) {
  conn.bgapi(`uuid_kill ${uuid}`); // safe: hangs up an existing channel
}
