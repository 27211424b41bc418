import { readFileSync } from 'fs';
import { Auth } from '@vonage/auth';
import { SMS } from '@vonage/messages';
import { Vonage } from '@vonage/server-sdk';
import jambonz from '@jambonz/node-client';
import { Caller } from '../models/Caller';
import { detokenize, tokenize } from '../lib/fieldCrypto';
import { ensureNotDnc, hasMarketingConsent, isOnDncList } from './dnc';
import { redis } from './sessionStore';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const config = require('../config');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { logger, maskMsisdn } = require('../lib/logger');

export const vonage = new Vonage(
  new Auth({
    apiKey: config.vonage.apiKey,
    apiSecret: config.vonage.apiSecret,
    applicationId: config.vonage.applicationId,
    privateKey: readFileSync(config.vonage.privateKeyPath),
  }),
);

const jambonzClient = jambonz(config.jambonz.accountSid, config.jambonz.apiKey, {
  baseUrl: config.jambonz.apiBaseUrl,
});

const DUE_SET = 'callbacks:due';

export type Queue = 'billing' | 'support';

export interface CallbackRequest {
  callbackNumber: string;
  queue: Queue;
  notBefore?: Date;
  source: 'ivr' | 'web';
}

export async function scheduleCallback(req: CallbackRequest): Promise<void> {
  const token = await tokenize('msisdn', req.callbackNumber);
  const member = JSON.stringify({ token, queue: req.queue, source: req.source });
  await redis.zadd(DUE_SET, (req.notBefore ?? new Date()).getTime(), member); // safe: no-plaintext-pii-storage — vault token instead of the number
  logger.info(`callback scheduled on ${req.queue} for ${maskMsisdn(req.callbackNumber)}`); // safe: no-pii-in-logs — masked with maskMsisdn
}

/** Ticks every minute (see app.ts). */
export async function runDueCallbacks(now = Date.now()): Promise<number> {
  const due = await redis.zrangebyscore(DUE_SET, 0, now, 'LIMIT', 0, 20);
  let placed = 0;
  for (const member of due) {
    if ((await redis.zrem(DUE_SET, member)) === 0) continue; // another replica took it
    const { token, queue } = JSON.parse(member) as { token: string; queue: Queue };
    const number = await detokenize('msisdn', token);

    if (await isOnDncList(number)) {
      logger.info(`callback dropped, number is on DNC (${maskMsisdn(number)})`); // safe: no-pii-in-logs — masked with maskMsisdn
      continue;
    }

    await vonage.voice.createOutboundCall({ // safe: require-consent-check — DNC check with `continue` above
      to: [{ type: 'phone', number }],
      from: { type: 'phone', number: config.vonage.lvn },
      answer_url: [`${config.publicUrl}/vonage/callback-answer?queue=${queue}`],
      event_url: [`${config.publicUrl}/vonage/event`],
    });
    placed += 1;
  }
  return placed;
}

/** Caller hung up while waiting in queue: ring them straight back. */
export async function callBackAbandoned(from: string, queue: Queue): Promise<void> {
  const resp = await vonage.voice.createOutboundCall({ // expect: require-consent-check
    to: [{ type: 'phone', number: from }],
    from: { type: 'phone', number: config.vonage.lvn },
    answer_url: [`${config.publicUrl}/vonage/callback-answer?queue=${queue}&abandoned=1`],
    event_url: [`${config.publicUrl}/vonage/event`],
  });
  logger.info(`abandoned-call callback placed as ${resp.uuid}`); // safe: no-pii-in-logs — call uuid
}

/** Post-call CSAT survey; fired from the Vonage `completed` event. */
export async function sendSurvey(to: string, conversationUuid: string): Promise<void> {
  await vonage.messages.send( // expect: require-consent-check
    new SMS({
      to,
      from: config.vonage.lvn,
      text: 'Thanks for calling Acme. How did we do? Reply 1 (poor) to 5 (great).',
      clientRef: conversationUuid,
    }),
  );
}

/** Marketing: win-back offer to lapsed customers picked by the retention team. */
export async function sendWinBackOffer(callerIds: string[], text: string): Promise<number> {
  const callers = await Caller.find({ _id: { $in: callerIds } }).lean();
  const results = await Promise.allSettled(
    callers.map((c) => hasMarketingConsent(c) && vonage.sms.send({ to: c.msisdn, from: 'ACME', text })), // safe: require-consent-check — guarded by hasMarketingConsent via &&
  );
  return results.filter((r) => r.status === 'fulfilled' && r.value).length;
}

/** Supervisor wallboard "call this customer back now" — bridged to the agent's SIP user by the jambonz app. */
export async function agentCallback(agentSipUser: string, number: string): Promise<string> {
  await ensureNotDnc(number);
  const sid = await jambonzClient.calls.create({ // safe: require-consent-check — ensureNotDnc throws first
    application_sid: config.jambonz.applicationSid,
    from: config.vonage.lvn,
    to: { type: 'phone', number },
    tag: { agentSipUser },
  });
  return sid;
}

/** Free dial-out from the agent panel (number typed by the agent), bridged to the agent's SIP user. */
export async function agentDialOut(agentSipUser: string, number: string): Promise<string> {
  logger.info(`agent ${agentSipUser} dialling out`); // safe: no-pii-in-logs — SIP user of the agent, no number
  return jambonzClient.calls.create({ // expect: require-consent-check
    application_sid: config.jambonz.applicationSid,
    from: config.vonage.lvn,
    to: { type: 'phone', number },
    tag: { agentSipUser },
  });
}
