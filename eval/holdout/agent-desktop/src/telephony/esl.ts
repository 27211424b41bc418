import type { FastifyBaseLogger } from 'fastify';
import { Connection, type Event } from 'modesl';
import { config } from '../config/index.js';
import { obfuscate } from '../lib/privacy.js';
import { closeInteraction, recordInteractionStart } from '../repositories/interactions.js';

const SUBSCRIBED = ['CHANNEL_ANSWER', 'CHANNEL_HANGUP_COMPLETE', 'CUSTOM callcenter::info'];

export function connectEsl(log: FastifyBaseLogger): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const conn = new Connection(config.ESL_HOST, config.ESL_PORT, config.ESL_PASSWORD, () => {
      conn.events('json', SUBSCRIBED.join(' '));
      log.info({ host: config.ESL_HOST }, 'ESL connected');
      resolve(conn);
    });
    conn.on('error', (err: Error) => {
      log.error({ err }, 'ESL connection error');
      reject(err);
    });
    conn.on('esl::event::CHANNEL_ANSWER::*', (evt: Event) => void onAnswer(evt, log));
    conn.on('esl::event::CHANNEL_HANGUP_COMPLETE::*', (evt: Event) => void onHangup(conn, evt, log));
  });
}

async function onAnswer(evt: Event, log: FastifyBaseLogger): Promise<void> {
  const uuid = evt.getHeader('Unique-ID');
  const ani = evt.getHeader('Caller-Caller-ID-Number');
  const direction = evt.getHeader('Call-Direction');
  const queue = evt.getHeader('variable_cc_queue');

  log.info(`CHANNEL_ANSWER ${uuid} dir=${direction} ani=${ani} queue=${queue ?? '-'}`); // expect: no-pii-in-logs
  if (direction === 'inbound' && queue) {
    await recordInteractionStart({ channelUuid: uuid, ani, queue });
  }
}

async function onHangup(conn: Connection, evt: Event, log: FastifyBaseLogger): Promise<void> {
  const uuid = evt.getHeader('Unique-ID');
  const cause = evt.getHeader('Hangup-Cause');
  const queue = evt.getHeader('variable_cc_queue');
  const agentId = evt.getHeader('variable_desk_agent_id');
  const billsec = Number(evt.getHeader('variable_billsec') ?? 0);

  log.info({ uuid, cause, billsec, agentId }, 'CHANNEL_HANGUP_COMPLETE'); // safe: no-pii-in-logs — uuid, cause, agent id
  await closeInteraction(uuid, cause, agentId);

  // caller gave up in queue before an agent answered: ring them back into the same queue
  if (cause === 'ORIGINATOR_CANCEL' && queue && billsec === 0) {
    const ani = evt.getHeader('Caller-Caller-ID-Number');
    log.info(`missed call in ${queue} from ${obfuscate(ani)}, queueing ring-back`); // safe: no-pii-in-logs — masked with obfuscate
    ringBackMissed(conn, ani, queue, log);
  }
}

function ringBackMissed(conn: Connection, ani: string, queue: string, log: FastifyBaseLogger): void {
  const vars = `{origination_caller_id_number=${config.OUTBOUND_CLI},cc_queue=${queue},desk_ringback=true}`;
  conn.bgapi('originate', `${vars}sofia/gateway/carrier/${ani} &callcenter(${queue})`, (res: Event) => { // expect: require-consent-check
    log.info({ queue, job: res.getHeader('Job-UUID') }, 'ring-back originated'); // safe: no-pii-in-logs — queue and job id
  });
}

/**
 * Click-to-dial: ring the agent's extension, then bridge out to the customer.
 * Both routes that call this run guardNumber() on `number` first.
 */
export function originateClickToDial(conn: Connection, agentExt: string, number: string, uuid: string): Promise<string> {
  const legA = `{origination_uuid=${uuid},origination_caller_id_number=${config.OUTBOUND_CLI},ignore_early_media=true}user/${agentExt}`;
  const legB = `&bridge({sip_h_X-Desk-Uuid=${uuid}}sofia/gateway/carrier/${number})`;
  return new Promise((resolve, reject) => {
    conn.bgapi('originate', `${legA} ${legB}`, (res: Event) => { // safe: require-consent-check — both callers run guardNumber(number) first
      const body = res.getBody() ?? '';
      if (!body.startsWith('+OK')) {
        reject(new Error(`originate to ${number} failed: ${body.trim()}`)); // expect: no-pii-in-logs
        return;
      }
      resolve(uuid);
    });
  });
}
