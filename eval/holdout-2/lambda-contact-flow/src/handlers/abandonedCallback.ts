import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { StartOutboundVoiceContactCommand } from '@aws-sdk/client-connect';
import { connect, ddb } from '../lib/aws';
import { config } from '../config';
import { logger, setLogContext } from '../lib/logger';
import { last4 } from '../lib/mask';
import type { ContactTraceRecord } from '../types';

/** Callers who waited at least this long in queue and hung up get called back. */
const MIN_QUEUE_SECONDS = 20;

function decodeCtr(record: KinesisStreamRecord): ContactTraceRecord | undefined {
  try {
    return JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8')) as ContactTraceRecord;
  } catch {
    logger.warn('Skipping undecodable CTR', { sequenceNumber: record.kinesis.sequenceNumber });
    return undefined;
  }
}

function isAbandonedInQueue(ctr: ContactTraceRecord): boolean {
  return (
    ctr.Channel === 'VOICE' &&
    ctr.InitiationMethod === 'INBOUND' &&
    ctr.Agent === null &&
    ctr.Queue !== null &&
    ctr.Queue.Duration >= MIN_QUEUE_SECONDS &&
    ctr.CustomerEndpoint?.Type === 'TELEPHONE_NUMBER'
  );
}

/** Idempotency: Kinesis redelivers, so claim the contact id before dialling. */
async function claimCallback(ctr: ContactTraceRecord): Promise<boolean> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: config.tables.contactLog,
        Item: {
          contactId: ctr.ContactId,
          kind: 'abandoned-callback',
          callerLast4: last4(ctr.CustomerEndpoint?.Address), // safe: no-plaintext-pii-storage — only the last four digits are kept
          queueName: ctr.Queue?.Name,
          createdAt: new Date().toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(contactId)',
      }),
    );
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** Consumer of the CTR Kinesis stream: calls back customers who abandoned in queue. */
export const handler = async (event: KinesisStreamEvent): Promise<void> => {
  setLogContext({ fn: 'abandonedCallback' });
  const abandoned = event.Records.map(decodeCtr).filter(
    (ctr): ctr is ContactTraceRecord => ctr !== undefined && isAbandonedInQueue(ctr),
  );
  if (abandoned.length === 0) return;
  logger.info('Abandoned contacts in batch', { count: abandoned.length });

  for (const ctr of abandoned) {
    const callerNumber = ctr.CustomerEndpoint!.Address;
    if (!(await claimCallback(ctr))) continue;

    const out = await connect.send(new StartOutboundVoiceContactCommand({ // expect: require-consent-check
      InstanceId: config.connect.instanceId,
      ContactFlowId: config.connect.callbackFlowId,
      QueueId: config.connect.callbackQueueId,
      DestinationPhoneNumber: callerNumber,
      SourcePhoneNumber: config.connect.outboundCallerId,
      Attributes: { abandonedContactId: ctr.ContactId, queueName: ctr.Queue?.Name ?? '' },
      ClientToken: `abandoned-${ctr.ContactId}`,
    }));
    logger.info('Abandoned-call callback started', {
      abandonedContactId: ctr.ContactId,
      callbackContactId: out.ContactId,
      queue: ctr.Queue?.Name,
      waitedSeconds: ctr.Queue?.Duration,
    });
  }
};
