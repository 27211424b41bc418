// Order and outage notifications over Amazon SNS: direct SMS to a number vs topic fan-out.
import { PublishCommand, SetSMSAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import AWS from 'aws-sdk';
import { optOuts } from '@acme/compliance';

interface Order {
  orderId: string;
  customerPhone: string;
  smsOptIn: boolean;
}

const OPS_TOPIC_ARN = process.env.OPS_TOPIC_ARN ?? '';
const OUTAGE_TOPIC_ARN = process.env.OUTAGE_TOPIC_ARN ?? '';

const sns = new SNSClient({ region: process.env.AWS_REGION });

export async function shippedNotice(order: Order): Promise<void> {
  await sns.send(new PublishCommand({ // $ Alert[require-consent-check]
    PhoneNumber: order.customerPhone,
    Message: `Order ${order.orderId} has shipped. Reply STOP to opt out.`,
    MessageAttributes: {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    },
  }));
}

export async function shippedNoticeChecked(order: Order): Promise<void> {
  if (!order.smsOptIn) return;
  await sns.send(new PublishCommand({ PhoneNumber: order.customerPhone, Message: `Order ${order.orderId} has shipped.` })); // safe: same order's opt-in
}

// Topic fan-out: subscribers opted in by subscribing; no number is dialled here.
export async function campaignFinished(campaignId: string): Promise<void> {
  await sns.send(new PublishCommand({ TopicArn: OPS_TOPIC_ARN, Message: JSON.stringify({ event: 'campaign.finished', campaignId }) })); // safe: topic publish
}

export async function outageBroadcast(region: string): Promise<void> {
  await sns.send(new PublishCommand({ // safe: topic publish
    TopicArn: OUTAGE_TOPIC_ARN,
    Subject: 'Service disruption',
    Message: `We are aware of an outage in ${region}.`,
  }));
}

export async function configureSms(): Promise<void> {
  await sns.send(new SetSMSAttributesCommand({ attributes: { DefaultSMSType: 'Transactional' } })); // safe: account settings
}

// Legacy v2 client in the refunds service.
const legacySns = new AWS.SNS({ apiVersion: '2010-03-31', region: process.env.AWS_REGION });

export async function refundIssued(order: Order): Promise<void> {
  await legacySns.publish({ PhoneNumber: order.customerPhone, Message: `Refund issued for ${order.orderId}.` }).promise(); // $ Alert[require-consent-check]
}

export async function refundIssuedChecked(order: Order): Promise<void> {
  if (await optOuts.isOptedOut(order.customerPhone)) return;
  await legacySns.publish({ PhoneNumber: order.customerPhone, Message: `Refund issued for ${order.orderId}.` }).promise(); // safe: opt-out checked
}

export async function refundAudit(orderId: string): Promise<void> {
  await legacySns.publish({ TopicArn: OPS_TOPIC_ARN, Message: JSON.stringify({ event: 'refund', orderId }) }).promise(); // safe: topic publish
}

// Mobile push to an app endpoint, not an SMS to a number.
export async function pushToApp(endpointArn: string, orderId: string): Promise<void> {
  await legacySns.publish({ TargetArn: endpointArn, Message: JSON.stringify({ default: `Order ${orderId} shipped` }) }).promise(); // safe: push endpoint
}
