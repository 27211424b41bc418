import type { ScheduledEvent } from 'aws-lambda';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/aws';
import { config } from '../config';
import { logger, setLogContext } from '../lib/logger';
import { openPii } from '../lib/crypto';
import { canCall } from '../lib/consent';
import { plivoClient } from '../lib/plivo';
import type { CallbackRequest } from '../types';

/**
 * Runs every 15 minutes (EventBridge schedule). Callbacks marked `failed` by
 * the hangup webhook (busy, no answer, carrier error) get another try over
 * Plivo while they still have attempts left.
 */
export const handler = async (_event: ScheduledEvent): Promise<void> => {
  setLogContext({ fn: 'retryFailedCallbacks' });
  const failed = await loadRetryable();
  logger.info('Retrying failed callbacks', { count: failed.length });

  for (const request of failed) {
    const phone = await openPii(request.phoneEnc);
    try {
      if (!(await canCall(phone))) {
        await markRetry(request.requestId, 'suppressed');
        continue;
      }
    } catch (err) {
      // The consent table throttles under load; don't strand a customer who asked to be called.
      logger.warn('Consent lookup failed, retrying callback anyway', { requestId: request.requestId, error: err });
    }

    try {
      const response = await plivoClient.calls.create(config.plivo.callerId, phone, config.plivo.answerUrl, { answerMethod: 'POST', hangupUrl: config.plivo.hangupUrl }); // expect: require-consent-check
      await markRetry(request.requestId, 'dialled', String(response.requestUuid));
    } catch (err) {
      logger.error('Retry dial failed', { requestId: request.requestId, to: phone, error: err }); // expect: no-pii-in-logs
    }
  }
};

async function loadRetryable(): Promise<CallbackRequest[]> {
  const out = await ddb.send(
    new QueryCommand({
      TableName: config.tables.callbacks,
      IndexName: 'byStatus',
      KeyConditionExpression: '#st = :failed',
      FilterExpression: 'numberOfAttempts < :max',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':failed': 'failed', ':max': config.maxCallbackAttempts },
      Limit: 50,
    }),
  );
  return (out.Items ?? []) as CallbackRequest[];
}

async function markRetry(requestId: string, status: 'dialled' | 'suppressed', providerCallId?: string): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: config.tables.callbacks,
      Key: { requestId },
      UpdateExpression: 'SET #st = :st, providerCallId = :pid, updatedAt = :now ADD numberOfAttempts :inc',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: {
        ':st': status,
        ':pid': providerCallId ?? null,
        ':now': new Date().toISOString(),
        ':inc': status === 'dialled' ? 1 : 0,
      },
    }),
  );
}
