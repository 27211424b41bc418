import type { SNSEvent } from 'aws-lambda';
import { logger, setLogContext } from '../lib/logger';
import { maskPhone } from '../lib/mask';
import { recordConsent } from '../lib/consent';
import type { InboundSms } from '../types';

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START_WORDS = new Set(['START', 'UNSTOP', 'YES']);

/** Two-way SMS: SNS topic subscribed to the long code's inbound messages. */
export const handler = async (event: SNSEvent): Promise<void> => {
  setLogContext({ fn: 'inboundSms' });
  for (const record of event.Records) {
    let sms: InboundSms;
    try {
      sms = JSON.parse(record.Sns.Message) as InboundSms;
    } catch {
      logger.warn('Unparseable inbound SMS notification', { snsMessageId: record.Sns.MessageId });
      continue;
    }

    const { originationNumber, messageBody, inboundMessageId } = sms;
    const keyword = (messageBody.trim().split(/\s+/)[0] ?? '').toUpperCase();

    if (STOP_WORDS.has(keyword)) {
      await recordConsent(originationNumber, 'sms', false, 'sms-keyword');
      logger.info('SMS opt-out recorded', { inboundMessageId, from: maskPhone(originationNumber) }); // safe: no-pii-in-logs — sender masked with maskPhone
      continue;
    }
    if (START_WORDS.has(keyword)) {
      await recordConsent(originationNumber, 'sms', true, 'sms-keyword');
      logger.info('SMS opt-in recorded', { inboundMessageId });
      continue;
    }

    logger.debug('Unhandled inbound SMS', { inboundMessageId, keyword, originationNumber }); // expect: no-pii-in-logs
  }
};
