// Number portability and CRM sync: PII recognised by declared types and by the shape of logged objects.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PhoneNumber } from 'libphonenumber-js';
import pino from 'pino';
import { maskPhone } from '@acme/pii';

type E164 = string & { readonly __brand: 'E164' };
type Msisdn = string;

interface Customer {
  id: string;
  tier: 'standard' | 'priority';
  phone: string;
  createdAt: Date;
}

interface CallRecord {
  sid: string;
  durationSec: number;
  customer: Customer;
}

interface Agent {
  id: string;
  extension: string;
  phoneModel: string;
  isPhoneVerified: boolean;
}

const logger = pino();

export function logPortRequest(target: E164, donorCarrier: string): void {
  logger.info(`port-in requested for ${target} from ${donorCarrier}`); // $ Alert[no-pii-in-logs]
  logger.info(`port-in requested for ${maskPhone(target)} from ${donorCarrier}`); // safe: masked
  logger.info({ carrier: donorCarrier }, 'port-in requested'); // safe: carrier name
}

export function logSubscriber(subscriber: Msisdn, plan: string): void {
  logger.info({ subscriber, plan }, 'plan change'); // $ Alert[no-pii-in-logs]
  logger.info({ plan }, 'plan change'); // safe: plan name
}

export function normaliseInput(raw: string): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(raw, 'US');
  if (!parsed) {
    logger.warn('could not parse the number'); // safe: constant
    return undefined;
  }
  logger.debug({ parsed }, 'parsed number'); // $ Alert[no-pii-in-logs]
  logger.debug(`normalised to ${parsed.number}`); // $ Alert[no-pii-in-logs]
  logger.debug({ country: parsed.country, valid: parsed.isValid() }, 'parsed number'); // safe: country and flag
  return parsed;
}

export function logSync(customer: Customer, record: CallRecord, agent: Agent): void {
  logger.info({ customer }, 'customer synced'); // $ Alert[no-pii-in-logs]
  logger.info({ customerId: customer.id, tier: customer.tier }, 'customer synced'); // safe: no PII fields
  logger.info({ record }, 'call record synced'); // $ Alert[no-pii-in-logs]
  logger.info({ sid: record.sid, durationSec: record.durationSec }, 'call record synced'); // safe: no PII fields
  logger.info({ agent }, 'handled by'); // safe: Agent has no PII property
  logger.info({ customers: [customer] }, 'batch synced'); // $ Alert[no-pii-in-logs]
  logger.info({ batchSize: [customer].length }, 'batch synced'); // safe: a count
}
