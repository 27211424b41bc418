import { Hono } from 'hono';
import { createHash, createHmac } from 'node:crypto';
import * as Sentry from '@sentry/node';
import { env } from '../env';
import type { E164 } from '../types';
import { posthog } from '../telemetry/analytics';

interface SinchIceEvent {
  event: 'ice';
  callid: string;
  timestamp: string;
  cli: E164;
  to: { type: 'number' | 'did'; endpoint: E164 };
  domain: string;
}

interface SinchRecordingEvent {
  callid: string;
  url: string;
}

export const sinchRoutes = new Hono();
const basic = Buffer.from(`${env.SINCH_APP_KEY}:${env.SINCH_APP_SECRET}`).toString('base64');

/** Sinch callback signing: HMAC-SHA256(secret, METHOD \n Content-MD5 \n Content-Type \n x-timestamp \n path). */
function sinchSignature(method: string, rawBody: string, contentType: string, timestamp: string, path: string): string {
  const contentMd5 = createHash('md5').update(rawBody, 'utf8').digest('base64'); // safe: no-reversible-pii-hash — Content-MD5 of the request body for the signature, compared and discarded
  const toSign = [method, contentMd5, contentType, `x-timestamp:${timestamp}`, path].join('\n');
  return createHmac('sha256', Buffer.from(env.SINCH_APP_SECRET, 'base64')).update(toSign, 'utf8').digest('base64'); // safe: no-reversible-pii-hash — keyed by the application secret
}

sinchRoutes.post('/ice', async (c) => {
  const rawBody = await c.req.text();
  const signature = sinchSignature('POST', rawBody, c.req.header('content-type') ?? '', c.req.header('x-timestamp') ?? '', new URL(c.req.url).pathname);
  if (c.req.header('authorization') !== `Application ${env.SINCH_APP_KEY}:${signature}`) return c.text('unauthorized', 401);

  const event = JSON.parse(rawBody) as SinchIceEvent;
  Sentry.addBreadcrumb({ category: 'sinch.ice', message: `ICE ${event.callid} from ${event.cli} to ${event.to.endpoint}` }); // expect: no-pii-to-third-party
  posthog.capture({ distinctId: event.callid, event: 'sinch_inbound', properties: { domain: event.domain, didType: event.to.type } }); // safe: no-pii-to-third-party — call id, domain and DID type only

  return c.json({
    instructions: [{ name: 'say', text: 'Welcome to Polaris. Connecting you now.', locale: 'en-GB' }],
    action: { name: 'connectSip', destination: { endpoint: `sips:inbound-${event.callid}@pbx.polaris-contact.eu` }, cli: event.cli, maxDuration: 3600 },
  });
});

sinchRoutes.post('/recording', async (c) => {
  const { callid, url } = await c.req.json<SinchRecordingEvent>();
  const recording = Buffer.from(await (await fetch(url, { headers: { authorization: `Basic ${basic}` } })).arrayBuffer());
  const checksum = createHash('sha256').update(recording).digest('hex'); // safe: no-reversible-pii-hash — integrity checksum of audio bytes
  const md5 = createHash('md5');
  md5.update(recording); // safe: no-reversible-pii-hash — Content-MD5 for the OSS upload
  await fetch(`https://polaris-recordings.oss-eu-central-1.aliyuncs.com/sinch/${callid}.wav?${process.env.OSS_PRESIGNED_QUERY ?? ''}`, { method: 'PUT', body: recording, headers: { 'Content-MD5': md5.digest('base64'), 'x-oss-meta-sha256': checksum } });
  return c.text('ok');
});

/** Text-to-speech reminder (appointment tomorrow, etc.). */
export async function ttsReminder(to: E164, text: string, locale: string): Promise<string> {
  const res = await fetch('https://calling.api.sinch.com/calling/v1/callouts', { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'ttsCallout', ttsCallout: { cli: env.SINCH_CLI, destination: { type: 'number', endpoint: to }, locale, text } }) }); // safe: no-pii-in-url — number in the JSON body
  const { callId } = (await res.json()) as { callId: string };
  return callId;
}
