// Outbound campaign dialer: takes leads off the queue and reports its progress through winston.
import winston from 'winston';
import { maskEmail, maskPhone } from '@acme/pii';

interface Lead {
  id: string;
  campaignId: string;
  phone: string;
  email: string;
  attempts: number;
  isPhoneVerified: boolean;
  phoneCountryCode: string;
}

interface DialResult {
  callSid: string;
  answeredBy: 'human' | 'machine' | 'unknown';
  durationSec: number;
}

const logger = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Console()],
});

const campaignLogger = logger.child({ service: 'campaign-dialer' });

export class CampaignDialer {
  constructor(
    private readonly campaignId: string,
    private readonly dial: (to: string) => Promise<DialResult>,
  ) {}

  async dialNext(lead: Lead): Promise<DialResult> {
    logger.info(`dialing ${lead.phone} for campaign ${this.campaignId}`); // $ Alert[no-pii-in-logs]
    logger.info(`dialing ${maskPhone(lead.phone)} for campaign ${this.campaignId}`); // safe: masked
    logger.info('dialing lead', { leadId: lead.id, attempt: lead.attempts + 1 }); // safe: identifiers and counts

    const result = await this.dial(lead.phone);

    logger.log('info', 'call placed', { callSid: result.callSid, to: lead.phone }); // $ Alert[no-pii-in-logs]
    logger.log('info', 'call placed', { callSid: result.callSid, answeredBy: result.answeredBy }); // safe: no PII
    campaignLogger.debug('lead snapshot', lead); // $ Alert[no-pii-in-logs]
    campaignLogger.debug('lead flags', { verified: lead.isPhoneVerified, country: lead.phoneCountryCode }); // safe: flag and country code
    return result;
  }

  noAnswer(lead: Lead): void {
    logger.warn(`no answer, follow-up mail queued for ${lead.email}`); // $ Alert[no-pii-in-logs]
    logger.warn(`no answer, follow-up mail queued for ${maskEmail(lead.email)}`); // safe: masked
    logger.warn('no answer', { leadId: lead.id, attempts: lead.attempts }); // safe: identifiers and counts
  }

  failed(lead: Lead, err: Error): void {
    winston.error(`campaign ${this.campaignId}: could not reach ${lead.phone}`); // $ Alert[no-pii-in-logs]
    winston.error(`campaign ${this.campaignId}: could not reach lead ${lead.id}`, { err }); // safe: lead id
  }
}

export function logDailySummary(results: DialResult[]): void {
  const answered = results.filter((r) => r.answeredBy === 'human').length;
  logger.info('daily summary', { total: results.length, answered }); // safe: counts
}
