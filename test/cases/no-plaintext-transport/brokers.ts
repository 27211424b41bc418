// Queues and caches of the dialer: call events, session cache, desk-phone telemetry, carrier CDR drops.
import Redis from 'ioredis';
import { createClient } from 'redis';
import amqp from 'amqplib';
import mqtt from 'mqtt';
import { Client as FtpClient } from 'basic-ftp';

// Session cache shared by the IVR nodes.
export const ivrSessions = new Redis('redis://cache.acme-contact.com:6379/2'); // $ Alert[no-plaintext-transport]
export const ivrSessionsTls = new Redis('rediss://cache.acme-contact.com:6380/2'); // safe: rediss
export const localCache = new Redis('redis://127.0.0.1:6379/0'); // safe: loopback
export const envCache = new Redis(process.env.REDIS_URL ?? 'rediss://cache.acme-contact.com:6380'); // safe: env-driven, TLS fallback
export const hostCache = new Redis({ host: 'cache.acme-contact.com', port: 6380, tls: { servername: 'cache.acme-contact.com' } }); // safe: TLS options

export async function dialQueueClient(): Promise<ReturnType<typeof createClient>> {
  const client = createClient({ url: 'redis://queue.acme-contact.com:6379' }); // $ Alert[no-plaintext-transport]
  await client.connect();
  return client;
}

export async function devQueueClient(): Promise<ReturnType<typeof createClient>> {
  const client = createClient({ url: 'redis://localhost:6379' }); // safe: loopback
  await client.connect();
  return client;
}

// Call events for the reporting pipeline.
export async function publishCallEvent(event: { callSid: string; status: string }): Promise<void> {
  const conn = await amqp.connect('amqp://mq.acme-contact.com:5672/dialer'); // $ Alert[no-plaintext-transport]
  const channel = await conn.createChannel();
  channel.publish('call-events', event.status, Buffer.from(JSON.stringify(event)));
  await channel.close();
  await conn.close();
}

export async function publishCallEventTls(event: { callSid: string; status: string }): Promise<void> {
  const conn = await amqp.connect('amqps://mq.acme-contact.com:5671/dialer'); // safe: amqps
  const channel = await conn.createChannel();
  channel.publish('call-events', event.status, Buffer.from(JSON.stringify(event)));
  await conn.close();
}

export const localBroker = amqp.connect('amqp://localhost'); // safe: loopback

// Desk-phone telemetry (MOS, jitter) from the branch offices.
export const telemetry = mqtt.connect('mqtt://iot.acme-contact.com:1883', { clientId: 'dialer-telemetry' }); // $ Alert[no-plaintext-transport]
export const telemetryTls = mqtt.connect('mqtts://iot.acme-contact.com:8883', { clientId: 'dialer-telemetry-tls' }); // safe: mqtts
export const sidecarTelemetry = mqtt.connect('mqtt://127.0.0.1:1883'); // safe: loopback

// Daily CDR files from the carrier.
const CDR_DROP_URL = process.env.CDR_DROP_URL ?? 'ftp://cdr-drop.carrier-one.net/outbound'; // $ Alert[no-plaintext-transport]

export async function fetchDailyCdrs(localDir: string): Promise<void> {
  const ftp = new FtpClient();
  const { hostname, pathname } = new URL(CDR_DROP_URL);
  await ftp.access({
    host: hostname,
    user: process.env.CDR_FTP_USER,
    password: process.env.CDR_FTP_PASSWORD,
    secure: false, // $ Alert[no-plaintext-transport]
  });
  await ftp.downloadToDir(localDir, pathname);
  ftp.close();
}

export async function fetchRecordingsFtps(localDir: string): Promise<void> {
  const ftp = new FtpClient();
  await ftp.access({
    host: 'recordings.carrier-one.net',
    user: process.env.REC_FTP_USER,
    password: process.env.REC_FTP_PASSWORD,
    secure: true, // safe: explicit FTPS
  });
  await ftp.downloadToDir(localDir, '/recordings/today');
  ftp.close();
}
