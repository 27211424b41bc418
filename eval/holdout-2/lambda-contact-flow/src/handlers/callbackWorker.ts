import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StartOutboundVoiceContactCommand } from '@aws-sdk/client-connect';
import { connect, ddb } from '../lib/aws';
import { config } from '../config';
import { logger, setLogContext } from '../lib/logger';
import { openPii } from '../lib/crypto';
import { assertCallable, ConsentError } from '../lib/consent';
import { placeCallbackCall } from '../lib/plivo';
import type { CallbackJob, CallbackRequest, CallbackStatus, E164 } from '../types';

type Route = 'connect' | 'plivo';

/** SQS consumer for the callback queue (partial batch responses enabled). */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  setLogContext({ fn: 'callbackWorker' });
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      const job = JSON.parse(record.body) as CallbackJob;
      await processJob(job);
    } catch (err) {
      logger.error('Callback job failed', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: err,
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};

async function loadRequest(requestId: string): Promise<CallbackRequest | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tables.callbacks, Key: { requestId } }));
  return Item as CallbackRequest | undefined;
}

async function setStatus(requestId: string, status: CallbackStatus): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: config.tables.callbacks,
      Key: { requestId },
      UpdateExpression: 'SET #st = :st, updatedAt = :now',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':st': status, ':now': new Date().toISOString() },
    }),
  );
}

/** Connect capacity is reserved for existing customers; prospects go out over Plivo. */
function chooseRoute(request: CallbackRequest): Route {
  return request.customerId ? 'connect' : 'plivo';
}

export async function processJob(job: CallbackJob): Promise<void> {
  const request = await loadRequest(job.requestId);
  if (!request) {
    logger.warn('Callback request vanished', { requestId: job.requestId });
    return;
  }
  if (request.status !== 'queued') {
    logger.info('Callback already handled', { requestId: request.requestId, status: request.status });
    return;
  }
  if (request.numberOfAttempts >= config.maxCallbackAttempts) {
    await setStatus(request.requestId, 'failed');
    return;
  }

  const phone = (await openPii(request.phoneEnc)) as E164;

  try {
    await assertCallable(phone);
  } catch (err) {
    if (err instanceof ConsentError) {
      logger.info('Callback suppressed by consent policy', { requestId: request.requestId, reason: err.reason });
      await setStatus(request.requestId, 'suppressed');
      return;
    }
    throw err;
  }

  const route = chooseRoute(request);
  let providerCallId: string;
  if (route === 'connect') {
    const out = await connect.send(new StartOutboundVoiceContactCommand({ // safe: require-consent-check — assertCallable(phone) above; a denial returns, any other error rethrows
      InstanceId: config.connect.instanceId,
      ContactFlowId: config.connect.callbackFlowId,
      QueueId: config.connect.callbackQueueId,
      DestinationPhoneNumber: phone,
      SourcePhoneNumber: config.connect.outboundCallerId,
      Attributes: { requestId: request.requestId, reason: request.reason },
      ClientToken: `${request.requestId}-${job.attempt}`,
    }));
    providerCallId = out.ContactId ?? 'unknown';
  } else {
    ({ requestUuid: providerCallId } = await placeCallbackCall(phone, request.requestId));
  }

  await markDialled(request, providerCallId, route, phone);
  logger.info('Callback dialled', { requestId: request.requestId, route, providerCallId, numberOfAttempts: request.numberOfAttempts + 1 });
}

async function markDialled(request: CallbackRequest, providerCallId: string, route: Route, dialedNumber: E164): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: config.tables.callbacks,
      Key: { requestId: request.requestId },
      UpdateExpression:
        'SET #st = :st, providerCallId = :pid, #route = :route, dialedNumber = :num, updatedAt = :now ADD numberOfAttempts :one',
      ExpressionAttributeNames: { '#st': 'status', '#route': 'route' },
      ExpressionAttributeValues: {
        ':st': 'dialled',
        ':pid': providerCallId,
        ':route': route,
        ':num': dialedNumber, // expect: no-plaintext-pii-storage
        ':now': new Date().toISOString(),
        ':one': 1,
      },
    }),
  );
}
