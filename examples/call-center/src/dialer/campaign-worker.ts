import amqp from 'amqplib';
import pino from 'pino';
import { In } from 'typeorm';
import { config } from '../config.js';
import { twilioClient } from '../lib/twilio.js';
import { hasConsent, isWithinCallingHours } from '../services/consent.js';
import type { LeadEntity } from '../storage/entities.js';
import { leadRepo } from '../storage/repositories.js';
import type { DialAttempt } from '../types.js';
import { bridgeLeadToAgent } from './ari.js';

/** The structured field `to` (the dialled number) is redacted by pino itself. */
const log = pino({ name: 'campaign-worker', redact: ['to', 'req.headers.authorization'] });

const MAX_ATTEMPTS = 3;

type DialJob =
  | { kind: 'batch'; campaignId: string; leadIds: string[] }
  | { kind: 'redial'; attempt: DialAttempt }
  | { kind: 'preview'; leadId: string; agentEndpoint: string };

/** Consumes dial jobs the campaign scheduler publishes; one job at a time per worker. */
export async function startCampaignWorker(): Promise<void> {
  const connection = await amqp.connect(config.amqp.url);
  const channel = await connection.createChannel();
  await channel.assertQueue(config.amqp.dialQueue, { durable: true });
  await channel.prefetch(1);

  await channel.consume(config.amqp.dialQueue, async (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString()) as DialJob;
    try {
      await runJob(job);
      channel.ack(msg);
    } catch (err) {
      log.error({ err, jobKind: job.kind }, 'dial job failed');
      channel.nack(msg, false, false);
    }
  });
}

async function runJob(job: DialJob): Promise<void> {
  switch (job.kind) {
    case 'batch':
      return dialBatch(await leadRepo.findBy({ campaignId: job.campaignId, id: In(job.leadIds) }));
    case 'redial':
      return redialMissed(job.attempt);
    case 'preview': {
      const lead = await leadRepo.findOneByOrFail({ id: job.leadId });
      return previewDial(lead, job.agentEndpoint);
    }
  }
}

/** Progressive dialling: every lead in the batch that consented and is not flagged do-not-call. */
export async function dialBatch(batch: LeadEntity[]): Promise<void> {
  for (const lead of batch.filter((l) => l.consent && !l.doNotCall)) {
    if (!isWithinCallingHours(lead.timezone)) continue;
    const call = await twilioClient.calls.create({
      to: lead.phone,
      from: config.businessNumber,
      url: `${config.publicBaseUrl}/ivr/outbound?leadId=${lead.id}`,
      machineDetection: 'Enable',
      statusCallback: 'https://hooks.northwind-cc.com/twilio/voice/dialer-status',
      statusCallbackEvent: ['answered', 'completed'],
    });
    log.info({ to: lead.phone, callSid: call.sid, leadId: lead.id }, 'lead dialled');
    await leadRepo.update({ id: lead.id }, { status: 'dialled', attempts: lead.attempts + 1 });
  }
}

/** Supervisor "dial now" on a single lead from the wallboard. */
export async function dialLeadNow(lead: LeadEntity, supervisorId: string): Promise<string | null> {
  if (!(await hasConsent(lead.phone))) {
    log.info({ leadId: lead.id, supervisorId }, 'dial now refused: no consent on file');
    return null;
  }
  const call = await twilioClient.calls.create({
    to: lead.phone,
    from: config.businessNumber,
    url: `${config.publicBaseUrl}/ivr/outbound?leadId=${lead.id}`,
    statusCallback: `${config.publicBaseUrl}/twilio/voice/status`,
  });
  return call.sid;
}

/** Preview dialling: the agent accepted the lead on screen; Asterisk rings the lead and bridges the agent. */
export async function previewDial(lead: LeadEntity, agentEndpoint: string): Promise<void> {
  if (lead.doNotCall || !(await hasConsent(lead.phone))) return;
  await bridgeLeadToAgent(lead.phone, agentEndpoint);
  await leadRepo.update({ id: lead.id }, { status: 'dialled', attempts: lead.attempts + 1 });
}

/**
 * Leads that did not pick up are retried up to MAX_ATTEMPTS times. They were screened
 * when the campaign first dialled them, so retries go straight to Twilio.
 */
export async function redialMissed(attempt: DialAttempt): Promise<void> {
  if (attempt.attempt >= MAX_ATTEMPTS) return;
  try {
    const call = await twilioClient.calls.create({ // $ Alert[require-consent-check]
      to: attempt.phone,
      from: config.businessNumber,
      url: `${config.publicBaseUrl}/ivr/outbound?leadId=${attempt.leadId}`,
      statusCallback: 'http://dialer-hooks.northwind-cc.net/twilio/status', // $ Alert[no-plaintext-transport]
    });
    log.info({ callSid: call.sid, leadId: attempt.leadId, attempt: attempt.attempt + 1 }, 'redial placed');
  } catch (err) {
    log.error({ err, phone: attempt.phone }, 'redial failed'); // $ Alert[no-pii-in-logs]
  }
}
