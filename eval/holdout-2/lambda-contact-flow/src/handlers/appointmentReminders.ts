import type { ScheduledEvent } from 'aws-lambda';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PublishCommand } from '@aws-sdk/client-sns';
import { SendMessagesCommand, type AddressConfiguration } from '@aws-sdk/client-pinpoint';
import { ddb, pinpoint, sns } from '../lib/aws';
import { config } from '../config';
import { logger, setLogContext } from '../lib/logger';
import { maskPhone } from '../lib/mask';
import { openPii } from '../lib/crypto';
import { smsBlockedSet } from '../lib/consent';
import type { Appointment } from '../types';

const HOUR_MS = 3600 * 1000;

function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * HOUR_MS).toISOString();
}

async function appointmentsBetween(status: Appointment['status'], fromIso: string, toIso: string): Promise<Appointment[]> {
  const items: Appointment[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: config.tables.appointments,
        IndexName: 'byStatusAndStart',
        KeyConditionExpression: '#st = :st AND startsAt BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':st': status, ':from': fromIso, ':to': toIso },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((out.Items ?? []) as Appointment[]));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

function reminderText(appt: Appointment): string {
  const when = new Date(appt.startsAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' });
  return `Reminder: your appointment at ${appt.branchName} is on ${when}. Need to reschedule? Call ${config.supportPhoneNumber}. Reply STOP to opt out.`;
}

/** Daily at 09:00 local: tomorrow's reminders, then yesterday's satisfaction survey. */
export const handler = async (_event: ScheduledEvent): Promise<void> => {
  setLogContext({ fn: 'appointmentReminders' });
  await sendReminders();
  await sendSurveys();
};

async function sendReminders(): Promise<void> {
  const due = await appointmentsBetween('booked', hoursFromNow(23), hoursFromNow(25));
  const blocked = await smsBlockedSet(due.map((a) => a.phoneHmac));
  const sendable = due.filter((a) => a.smsOptIn && !blocked.has(a.phoneHmac));
  logger.info('Reminder batch', { due: due.length, sendable: sendable.length, smsTemplateId: config.sns.reminderTemplateId });

  for (const appt of sendable) {
    const mobile = await openPii(appt.mobileEnc);
    try {
      const out = await sns.send(new PublishCommand({ // safe: require-consent-check — `sendable` is filtered on smsOptIn and the consent/DNC block set before the loop
        PhoneNumber: mobile,
        Message: reminderText(appt),
        MessageAttributes: {
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: config.sns.senderId },
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      }));
      logger.debug('Reminder sent', { appointmentId: appt.appointmentId, to: maskPhone(mobile), messageId: out.MessageId });
    } catch (err) {
      logger.error(`Reminder SMS to ${mobile} failed`, { appointmentId: appt.appointmentId, error: err }); // expect: no-pii-in-logs
    }
  }
}

async function sendSurveys(): Promise<void> {
  const visits = await appointmentsBetween('visited', hoursFromNow(-48), hoursFromNow(-24));
  if (visits.length === 0) return;

  const addresses: Record<string, AddressConfiguration> = {};
  for (const visit of visits) {
    const mobile = await openPii(visit.mobileEnc);
    addresses[mobile] = { ChannelType: 'SMS', Context: { appointmentId: visit.appointmentId } };
  }

  const out = await pinpoint.send(new SendMessagesCommand({ // expect: require-consent-check
    ApplicationId: config.pinpoint.applicationId,
    MessageRequest: {
      Addresses: addresses,
      MessageConfiguration: {
        SMSMessage: {
          Body: 'Thanks for visiting us! How did we do? Reply with a number from 1 to 5. Reply STOP to opt out.',
          MessageType: 'PROMOTIONAL',
          OriginationNumber: config.pinpoint.originationNumber,
        },
      },
    },
  }));
  const results = Object.values(out.MessageResponse?.Result ?? {});
  const failed = results.filter((r) => r.DeliveryStatus !== 'SUCCESSFUL').length;
  logger.info('Survey batch sent', { recipients: visits.length, failed });
}
