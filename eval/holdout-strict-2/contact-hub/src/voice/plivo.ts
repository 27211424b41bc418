import { Hono } from 'hono';
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as plivo from 'plivo';
import * as Sentry from '@sentry/node';
import { env } from '../env';
import { marketOf, type E164, type Market } from '../types';
import { findCustomerByMsisdn } from '../crm/customers';
import { posthog, trackInboundCall, trackIvrOption } from '../telemetry/analytics';
import { alertVipMissedCall } from '../channels/notify';
import { sendSms } from '../channels/sms';

export const plivoClient = new plivo.Client(env.PLIVO_AUTH_ID, env.PLIVO_AUTH_TOKEN);
export const plivoRoutes = new Hono();

const VOICE: Record<Market, string> = { CN: 'cmn-CN', RU: 'ru-RU', KZ: 'ru-RU', DE: 'de-DE', PL: 'pl-PL', GB: 'en-GB', US: 'en-US' };

/** Plivo V3 signature: base64(HMAC-SHA256(auth token, url + sorted params + "." + nonce)). */
function validSignature(url: string, params: Record<string, string>, nonce: string, header: string): boolean {
  const payload = `${url}${Object.keys(params).sort().map((k) => k + params[k]).join('')}.${nonce}`;
  const expected = createHmac('sha256', env.PLIVO_AUTH_TOKEN).update(payload).digest('base64'); // safe: no-reversible-pii-hash — keyed by the auth token (params include From/To)
  return header.split(',').some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), Buffer.from(expected)));
}

plivoRoutes.use('*', async (c, next) => {
  const params = (await c.req.parseBody()) as Record<string, string>;
  if (!validSignature(c.req.url, params, c.req.header('X-Plivo-Signature-V3-Nonce') ?? '', c.req.header('X-Plivo-Signature-V3') ?? '')) {
    return c.text('forbidden', 403);
  }
  await next();
});

function greeting(market: Market, vip: boolean): string {
  if (market === 'CN') return vip ? '尊敬的贵宾您好，请按1转人工，按2预约回电。' : '您好，请按1转人工，按2预约回电。';
  if (market === 'RU' || market === 'KZ') return 'Здравствуйте! Нажмите 1 для связи с оператором или 2, чтобы мы перезвонили.';
  return 'Hello. Press 1 to speak to an agent, or 2 and we will call you back.';
}

plivoRoutes.post('/answer', async (c) => {
  const { From: from, To: to, CallUUID: callUuid } = (await c.req.parseBody()) as Record<string, string>;
  const market = marketOf(to);
  trackInboundCall({ callUuid, callerNumber: from, market });
  Sentry.setContext('plivo_call', { callUuid, from, to, market }); // expect: no-pii-to-third-party
  const customer = await findCustomerByMsisdn(from);

  const response = new plivo.Response();
  const menu = response.addGetDigits({ action: `${env.PUBLIC_BASE_URL}/voice/plivo/menu?caller=${encodeURIComponent(from)}&cid=${customer?.id ?? ''}`, method: 'POST', numDigits: 1, timeout: 7 }); // expect: no-pii-in-url
  menu.addSpeak(greeting(market, customer?.vip ?? false), { language: VOICE[market] });
  response.addRedirect(`${env.PUBLIC_BASE_URL}/voice/plivo/queue?call=${callUuid}&market=${market}`); // safe: no-pii-in-url — call UUID and market code
  return c.body(response.toXML(), 200, { 'Content-Type': 'application/xml' });
});

plivoRoutes.post('/menu', async (c) => {
  const caller = c.req.query('caller') ?? '';
  const { Digits: digits, CallUUID: callUuid, To: to } = (await c.req.parseBody()) as Record<string, string>;
  const market = marketOf(to);
  Sentry.addBreadcrumb({ category: 'ivr', message: `menu option ${digits} on ${callUuid}` }); // safe: no-pii-to-third-party — digit and call UUID
  trackIvrOption(caller, digits, market);

  const response = new plivo.Response();
  if (digits === '2') {
    await sendSms(market, caller as E164, 'CALLBACK_CONFIRM', { slot: 'ASAP' });
    response.addSpeak('OK.', { language: VOICE[market] });
    response.addHangup();
  } else {
    response.addRedirect(`${env.PUBLIC_BASE_URL}/voice/plivo/queue?call=${callUuid}&market=${market}`);
  }
  return c.body(response.toXML(), 200, { 'Content-Type': 'application/xml' });
});

plivoRoutes.post('/hangup', async (c) => {
  const form = (await c.req.parseBody()) as Record<string, string>;
  const duration = Number(form.Duration ?? 0);
  posthog.capture({ distinctId: form.CallUUID ?? 'unknown', event: 'call_ended', properties: { durationSec: duration, cause: form.HangupCauseName, direction: form.Direction } }); // safe: no-pii-to-third-party — call UUID, duration and hangup cause
  if (duration === 0 && form.Direction === 'inbound' && form.From) {
    const customer = await findCustomerByMsisdn(form.From);
    if (customer?.vip) await alertVipMissedCall(form.From, form.To ?? '');
  }
  return c.text('ok');
});

/** "Call me now": dials the customer straight away, answer URL speaks the confirmation. */
export async function placeCallback(req: { id: string; phone: E164; market: Market }): Promise<string> {
  const answerUrl = `${env.PUBLIC_BASE_URL}/voice/plivo/callback-answer?callee=${encodeURIComponent(req.phone)}&lang=${VOICE[req.market]}`; // expect: no-pii-in-url
  const hangupUrl = `${env.PUBLIC_BASE_URL}/voice/plivo/hangup?request=${req.id}`; // safe: no-pii-in-url — callback request id
  const res = await plivoClient.calls.create(env.PLIVO_CALLER_ID, req.phone, answerUrl, { answerMethod: 'POST', hangupUrl, hangupMethod: 'POST', timeLimit: 1800 });
  return res.requestUuid;
}
