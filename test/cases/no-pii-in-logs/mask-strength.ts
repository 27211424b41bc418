// Callback queue worker with its own masking helpers. A mask only protects what it hides: a phone mask may
// show at most the first 3 and the last 4 digits, an ID mask at most the first 6 and the last 4 characters.
// A helper named mask* whose body shows more does not count as masking.
import pino from 'pino';

const logger = pino({ name: 'callback-queue' });

interface CallbackRequest {
  id: string;
  phone: string;
  sfzh: string;
  requestedAt: Date;
}

/** Weak: the first six and the last four digits of +14155552671 leave one digit hidden. */
function maskPhoneForOps(phone: string): string {
  return phone.slice(0, 6) + '****' + phone.slice(-4);
}

/** Weak: hides only the last two digits. */
function maskPhoneTail(phone: string): string {
  return `${phone.substring(0, phone.length - 2)}**`;
}

/** Weak: region code and the full date of birth stay visible. */
function maskIdNumber(idNumber: string): string {
  return idNumber.slice(0, 14) + '****';
}

/** Good: only the last four digits. */
function maskPhone(phone: string): string {
  return '***-***-' + phone.slice(-4);
}

/** Good: the country code (first three characters of +44…) and the last four digits. */
function maskMsisdn(msisdn: string): string {
  return `${msisdn.slice(0, 3)}*****${msisdn.slice(-4)}`;
}

/** Good: every digit but the last four replaced. */
function maskDigits(value: string): string {
  return value.replace(/\d(?=\d{4})/g, '*');
}

/** Good, at the limit: region code and the last four characters of an 18-character ID. */
function maskResidentId(idNumber: string): string {
  return idNumber.slice(0, 6) + '********' + idNumber.slice(-4);
}

export function onQueued(cb: CallbackRequest): void {
  logger.info(`callback ${cb.id} queued for ${maskPhoneForOps(cb.phone)}`); // $ Alert[no-pii-in-logs]
  logger.info(`callback ${cb.id} queued for ${maskPhone(cb.phone)}`); // safe: last four only
  logger.info({ caller: maskPhoneTail(cb.phone) }, 'callback queued'); // $ Alert[no-pii-in-logs]
  logger.info({ caller: maskMsisdn(cb.phone) }, 'callback queued'); // safe: country code and last four
  logger.debug({ caller: maskDigits(cb.phone), at: cb.requestedAt }, 'callback queued'); // safe: last four only
}

export function onIdentityCheck(cb: CallbackRequest, passed: boolean): void {
  logger.warn(`identity check for ${maskIdNumber(cb.sfzh)}: ${passed}`); // $ Alert[no-pii-in-logs]
  logger.warn(`identity check for ${maskResidentId(cb.sfzh)}: ${passed}`); // safe: first six and last four
  logger.warn({ callback: cb.id, passed }, 'identity check'); // safe: id and a boolean
}
