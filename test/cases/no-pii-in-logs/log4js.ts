// IVR menu engine: collects DTMF digits and routes the caller; logs through log4js.
import log4js from 'log4js';
import twilio from 'twilio';
import { maskDigits, maskPhone } from '@acme/pii';

log4js.configure({
  appenders: { out: { type: 'stdout' }, file: { type: 'file', filename: 'ivr.log' } },
  categories: { default: { appenders: ['out', 'file'], level: 'info' } },
});

const logger = log4js.getLogger('ivr');

interface IvrStep {
  callSid: string;
  from: string;
  digits: string;
  menu: 'main' | 'billing' | 'identify';
}

interface Caller {
  accountId: string;
  ssn: string;
  phone: string;
  tier: 'standard' | 'priority';
}

export function handleDigits(step: IvrStep, caller: Caller | undefined): string {
  const twiml = new twilio.twiml.VoiceResponse();
  logger.info(`menu ${step.menu} for call ${step.callSid}`); // safe: menu and SID
  logger.info(`menu ${step.menu} from ${step.from}`); // $ Alert[no-pii-in-logs]
  logger.info(`menu ${step.menu} from ${maskPhone(step.from)}`); // safe: masked

  if (step.menu === 'identify') {
    // The caller keyed in the last four digits of their SSN.
    logger.debug('identification digits entered', maskDigits(step.digits)); // safe: masked
    logger.debug('identification digits entered', step.digits.length); // safe: a count

    if (!caller) {
      logger.warn(`no account for ${step.from}`); // $ Alert[no-pii-in-logs]
      logger.warn(`no account for call ${step.callSid}`); // safe: SID
      twiml.say('We could not find your account.');
      return twiml.toString();
    }

    logger.info('identified caller', caller); // $ Alert[no-pii-in-logs]
    logger.info('identified caller', { accountId: caller.accountId, tier: caller.tier }); // safe: no PII fields
    logger.error(`ssn mismatch for ${caller.accountId}: expected ${caller.ssn}`); // $ Alert[no-pii-in-logs]
    logger.error(`ssn mismatch for ${caller.accountId}`); // safe: account id only
  }

  twiml.redirect(`/ivr/${step.menu}`);
  return twiml.toString();
}

export function shutdown(): void {
  logger.info('ivr shutting down'); // safe: constant
  log4js.shutdown();
}
