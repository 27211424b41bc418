// Callback scheduler: PII reaches the log through local data flow, not directly.
import express from 'express';
import twilio from 'twilio';
import winston from 'winston';
import { maskPhone } from '@acme/pii';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

interface Lead {
  id: string;
  campaignId: string;
  phone: string;
  status: 'new' | 'queued' | 'called';
}

function normalise(raw: string): string {
  return raw.replace(/[^\d+]/g, '');
}

function hasPlusPrefix(raw: string): boolean {
  return raw.startsWith('+');
}

function describeAttempt(target: string, attempt: number): string {
  return `attempt ${attempt} to ${target}`;
}

async function lookupCallbackNumber(callSid: string): Promise<string> {
  const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
  const call = await client.calls(callSid).fetch();
  return call.from;
}

function noteAttempt(subject: string): void {
  logger.info(`note: ${subject}`); // $ Alert[no-pii-in-logs]
}

export class CallbackScheduler {
  private lastOrigin = '';

  constructor(private readonly queue: Lead[]) {}

  onInbound(body: { CallSid: string; From: string }): void {
    const { From: origin, CallSid: sid } = body; // destructuring with renames
    const digits = normalise(origin); // return value of a local function
    const line = 'callback requested by ' + digits; // concatenation
    logger.info(line); // $ Alert[no-pii-in-logs]
    logger.info(`callback requested on ${sid}`); // safe: SID
    logger.info('has plus prefix', hasPlusPrefix(origin)); // safe: boolean result
    this.lastOrigin = origin; // field assignment
  }

  flushLast(): void {
    logger.info(`last origin ${this.lastOrigin}`); // $ Alert[no-pii-in-logs]
    logger.info(`last origin ${maskPhone(this.lastOrigin)}`); // safe: masked
  }

  summarise(): void {
    const numbers = this.queue.map((lead) => lead.phone); // map callback
    logger.info(`queue: ${numbers.join(', ')}`); // $ Alert[no-pii-in-logs]
    const ids = this.queue.map((lead) => lead.id);
    logger.info(`queue: ${ids.join(', ')}`); // safe: identifiers

    const payload = { campaign: this.queue[0]?.campaignId, targets: [...numbers] }; // array spread into an object
    logger.debug(JSON.stringify(payload)); // $ Alert[no-pii-in-logs]
    logger.debug(JSON.stringify({ campaign: this.queue[0]?.campaignId, size: numbers.length })); // safe: count

    this.queue.forEach((lead, index) => {
      logger.debug(describeAttempt(lead.phone, index)); // $ Alert[no-pii-in-logs]
      logger.debug(describeAttempt(lead.id, index)); // safe: identifier through the same helper
    });

    const pending = this.queue.filter((lead) => lead.status === 'new');
    const { phone, ...rest } = pending[0] ?? { id: '', campaignId: '', phone: '', status: 'new' as const };
    logger.debug('next lead', rest); // safe: the rest object has no phone
    logger.debug('next lead number', phone); // $ Alert[no-pii-in-logs]
    const snapshot = { ...pending[0] }; // object spread
    logger.debug('next lead', snapshot); // $ Alert[no-pii-in-logs]
  }

  async confirm(callSid: string): Promise<void> {
    const callback = await lookupCallbackNumber(callSid); // await of a function returning PII
    logger.info(`callback confirmed to ${callback}`); // $ Alert[no-pii-in-logs]
    logger.info(`callback confirmed on ${callSid}`); // safe: SID

    lookupCallbackNumber(callSid).then((n) => logger.info(`re-confirmed ${n}`)); // $ Alert[no-pii-in-logs]
    lookupCallbackNumber(callSid).then((n) => logger.info(`re-confirmed ${maskPhone(n)}`)); // safe: masked
    lookupCallbackNumber(callSid).then((n) => logger.info(`re-confirmed (${n.length} digits)`)); // safe: a length
  }

  record(lead: Lead): void {
    noteAttempt(lead.phone); // reaches the sink inside noteAttempt
    noteAttempt(lead.id);
  }
}

const app = express();
app.use(express.urlencoded({ extended: false }));
const scheduler = new CallbackScheduler([]);
app.post('/voice/callback-request', (req, res) => {
  scheduler.onInbound(req.body);
  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});
