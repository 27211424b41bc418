import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { PublishCommand } from '@aws-sdk/client-sns';
import { ddb, sns, sqs } from '../lib/aws';
import { config } from '../config';
import { logger, setLogContext } from '../lib/logger';
import { last4 } from '../lib/mask';
import { toE164 } from '../lib/phone';
import { phoneLookupKey, sealPii } from '../lib/crypto';
import { canText, recordConsent } from '../lib/consent';
import type { CallbackForm, CallbackJob, CallbackRequest } from '../types';

const MAX_REASON_LENGTH = 280;
const MAX_SQS_DELAY_SECONDS = 900;

function reply(statusCode: number, body: Record<string, unknown>): APIGatewayProxyResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function parseForm(raw: string | undefined, isBase64: boolean): CallbackForm | undefined {
  if (!raw) return undefined;
  try {
    const text = isBase64 ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    return JSON.parse(text) as CallbackForm;
  } catch {
    return undefined;
  }
}

function secondsUntil(iso: string): number {
  const delta = Math.round((Date.parse(iso) - Date.now()) / 1000);
  return Number.isFinite(delta) ? Math.min(Math.max(delta, 0), MAX_SQS_DELAY_SECONDS) : 0;
}

/** POST /callbacks — the website's "call me back" form. */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const requestId = randomUUID();
  setLogContext({ requestId, fn: 'requestCallback' });

  const form = parseForm(event.body, event.isBase64Encoded);
  if (!form) return reply(400, { error: 'invalid body' });

  const { phone: rawPhone, reason = '', window: preferredWindow, consentToCall, customerId } = form;
  const phone = toE164(rawPhone);
  if (!phone) {
    logger.warn('Callback form rejected: unparseable number', { last4: last4(rawPhone) }); // safe: no-pii-in-logs — only the last four digits
    return reply(422, { error: 'phone must be a valid US or Canadian number' });
  }
  if (consentToCall !== true) {
    return reply(422, { error: 'consentToCall must be accepted' });
  }
  if (!preferredWindow?.from || !preferredWindow?.to) {
    return reply(422, { error: 'window.from and window.to are required' });
  }
  logger.info('Callback window requested', { from: preferredWindow.from, to: preferredWindow.to }); // safe: no-pii-in-logs — from/to are the ISO timestamps of the requested window

  const now = new Date().toISOString();
  const request: CallbackRequest = {
    requestId,
    customerId,
    phoneEnc: await sealPii(phone), // safe: no-plaintext-pii-storage — envelope-encrypted with a KMS data key
    phoneHmac: await phoneLookupKey(phone),
    reason: reason.slice(0, MAX_REASON_LENGTH),
    window: preferredWindow,
    status: 'queued',
    numberOfAttempts: 0,
    createdAt: now,
    updatedAt: now,
  };

  await ddb.send(
    new PutCommand({
      TableName: config.tables.callbacks,
      Item: request,
      ConditionExpression: 'attribute_not_exists(requestId)',
    }),
  );
  await recordConsent(phone, 'voice', true, 'web-callback-form');

  const job: CallbackJob = { requestId, attempt: 1 };
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: config.sqs.callbackQueueUrl,
      MessageBody: JSON.stringify(job),
      DelaySeconds: secondsUntil(preferredWindow.from),
    }),
  );

  if (await canText(phone)) {
    await sns.send(new PublishCommand({ // safe: require-consent-check — inside if (await canText(phone)) on the same number
      PhoneNumber: phone,
      Message: `We got your callback request and will call during the time you picked. Questions? Call ${config.supportPhoneNumber}.`,
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      },
    }));
  }

  logger.info('Callback queued', { numberOfAttempts: 0, supportLine: config.supportPhoneNumber });
  return reply(202, { requestId });
};
