import { CompressionTypes, Kafka, logLevel, type Producer } from 'kafkajs';
import config from '../config';
import log from './logger';

/** CRM event bus on MSK. */
const kafka = new Kafka({
  clientId: 'crm-bridge',
  brokers: config.kafka.brokers,
  ssl: true, // safe: no-plaintext-transport — TLS to the MSK brokers
  sasl: { mechanism: 'scram-sha-512', username: config.kafka.username, password: config.kafka.password },
  logLevel: logLevel.WARN,
});

/** Self-hosted cluster the BI team reads call analytics from. */
const analyticsKafka = new Kafka({
  clientId: 'crm-bridge-analytics',
  brokers: config.kafka.analyticsBrokers,
  ssl: false, // expect: no-plaintext-transport
  logLevel: logLevel.WARN,
});

let producer: Producer | undefined;
let analyticsProducer: Producer | undefined;

async function getProducer(): Promise<Producer> {
  if (!producer) {
    producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true });
    await producer.connect();
  }
  return producer;
}

async function getAnalyticsProducer(): Promise<Producer> {
  if (!analyticsProducer) {
    analyticsProducer = analyticsKafka.producer();
    await analyticsProducer.connect();
  }
  return analyticsProducer;
}

export interface ContactEvent {
  type: 'contact.created' | 'contact.updated' | 'contact.opted_out';
  contactId: string;
  phoneHmac: string;
  at: string;
}

export interface CallAnalyticsEvent {
  callId: string;
  contactId: string | null;
  campaignId: string | null;
  agentId: string | null;
  disposition: string;
  durationSec: number;
  endedAt: string;
}

export async function publishContactEvent(event: ContactEvent): Promise<void> {
  const p = await getProducer();
  await p.send({
    topic: 'crm.contact-events',
    compression: CompressionTypes.GZIP,
    messages: [{ key: event.contactId, value: JSON.stringify(event) }],
  });
}

export async function publishCallAnalytics(event: CallAnalyticsEvent): Promise<void> {
  try {
    const p = await getAnalyticsProducer();
    await p.send({ topic: 'dialer.call-analytics', messages: [{ key: event.callId, value: JSON.stringify(event) }] });
  } catch (err) {
    // Analytics is best effort; never fail a disposition because BI is down.
    log.warn({ err, callId: event.callId }, 'call analytics publish failed');
  }
}

export async function disconnectKafka(): Promise<void> {
  await Promise.all([producer?.disconnect(), analyticsProducer?.disconnect()]);
}
