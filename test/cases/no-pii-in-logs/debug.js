// Predictive dialer internals: answering-machine detection and pacing, traced with `debug`.
import createDebug from 'debug';
import twilio from 'twilio';
import { maskPhone } from '@acme/pii';

const debugAmd = createDebug('dialer:amd');
const debugPacing = createDebug('dialer:pacing');
const debugRetry = debugPacing.extend('retry');

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

/**
 * @typedef {{ id: string, phone: string, campaignId: string, attempts: number }} Lead
 */

/** @param {{ CallSid: string, AnsweredBy: string, From: string, To: string }} body */
export function onAmdResult(body) {
  debugAmd('call %s answered by %s', body.CallSid, body.AnsweredBy); // safe: SID and AMD result
  debugAmd('answered number %s', body.To); // $ Alert[no-pii-in-logs]
  debugAmd('answered number %s', maskPhone(body.To)); // safe: masked
  if (body.AnsweredBy === 'machine_start') {
    debugAmd('leaving voicemail for %s', body.To); // $ Alert[no-pii-in-logs]
    debugAmd('leaving voicemail on call %s', body.CallSid); // safe: SID
  }
}

/**
 * @param {Lead[]} leads
 * @param {number} agentsFree
 */
export async function pace(leads, agentsFree) {
  const ratio = agentsFree > 0 ? Math.min(3, leads.length / agentsFree) : 0;
  debugPacing('pacing ratio %d with %d agents free', ratio, agentsFree); // safe: numbers
  const batch = leads.slice(0, Math.ceil(agentsFree * ratio));
  debugPacing('batch %O', batch); // $ Alert[no-pii-in-logs]
  debugPacing('batch ids %o', batch.map((lead) => lead.id)); // safe: identifiers

  for (const lead of batch) {
    if (lead.attempts >= 3) {
      debugRetry('giving up on %s', lead.phone); // $ Alert[no-pii-in-logs]
      debugRetry('giving up on lead %s after %d attempts', lead.id, lead.attempts); // safe: id and count
      continue;
    }
    await client.taskrouter.v1
      .workspaces(process.env.TASKROUTER_WORKSPACE_SID)
      .tasks.create({ attributes: JSON.stringify({ leadId: lead.id, campaignId: lead.campaignId }) });
  }
}
