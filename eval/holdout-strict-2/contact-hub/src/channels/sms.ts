import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { Config } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import { env } from '../env';
import type { E164, Market } from '../types';
import { trackSmsSent } from '../telemetry/analytics';

export interface SmsResult {
  provider: 'aliyun' | 'tencent' | 'smsc';
  ok: boolean;
  messageId?: string;
  error?: string;
}

const aliyun = new Dysmsapi(new Config({ accessKeyId: env.ALIYUN_ACCESS_KEY_ID, accessKeySecret: env.ALIYUN_ACCESS_KEY_SECRET, endpoint: 'dysmsapi.aliyuncs.com' }));
const tencent = new tencentcloud.sms.v20210111.Client({ credential: { secretId: env.TENCENT_SECRET_ID, secretKey: env.TENCENT_SECRET_KEY }, region: 'ap-guangzhou' });

/** Template ids registered with the carriers; SMSC takes free text. */
const TEMPLATES = {
  CALLBACK_CONFIRM: { aliyun: 'SMS_465320117', tencent: '2081934', text: 'Мы перезвоним вам {slot}. Polaris' },
  MISSED_CALL: { aliyun: 'SMS_465320152', tencent: '2081940', text: 'Вы звонили нам. Мы перезвоним в ближайшее время.' },
} as const;

export type TemplateName = keyof typeof TEMPLATES;

async function viaAliyun(shoujihao: string, template: TemplateName, params: Record<string, string>): Promise<SmsResult> {
  const request = new SendSmsRequest({ phoneNumbers: shoujihao.replace(/^\+86/, ''), signName: env.SMS_SIGN_CN, templateCode: TEMPLATES[template].aliyun, templateParam: JSON.stringify(params) });
  const res = await aliyun.sendSmsWithOptions(request, new RuntimeOptions({ autoretry: true, maxAttempts: 2 })); // safe: no-pii-to-third-party — the SMS carrier delivering to this number, not analytics/AI
  return { provider: 'aliyun', ok: res.body?.code === 'OK', messageId: res.body?.bizId, error: res.body?.message };
}

async function viaTencent(phone: string, template: TemplateName, params: Record<string, string>): Promise<SmsResult> {
  const res = await tencent.SendSms({ SmsSdkAppId: env.TENCENT_SMS_APP_ID, SignName: env.SMS_SIGN_CN, TemplateId: TEMPLATES[template].tencent, PhoneNumberSet: [phone], TemplateParamSet: Object.values(params) }); // safe: no-pii-to-third-party — SMS carrier (fallback), not analytics/AI
  const status = res.SendStatusSet?.[0];
  return { provider: 'tencent', ok: status?.Code === 'Ok', messageId: status?.SerialNo, error: status?.Message };
}

const SMSC_URL = 'https://smsc.ru/sys/send.php';

async function viaSmsc(phone: string, text: string, market: Market): Promise<SmsResult> {
  // The KZ alpha sender is only honoured by the old GET endpoint (SMSC support ticket 88213).
  if (market === 'KZ') {
    const res = await fetch(`${SMSC_URL}?login=${env.SMSC_LOGIN}&psw=${env.SMSC_PASSWORD}&sender=PolarisKZ&fmt=3&phones=${encodeURIComponent(phone)}&mes=${encodeURIComponent(text)}`); // expect: no-pii-in-url
    return smscResult(await res.json());
  }
  const body = new URLSearchParams({ login: env.SMSC_LOGIN, psw: env.SMSC_PASSWORD, fmt: '3', charset: 'utf-8', phones: phone, mes: text }); // safe: no-pii-in-url — form-encoded POST body, not a query string
  const res = await fetch(SMSC_URL, { method: 'POST', body });
  return smscResult(await res.json());
}

function smscResult(json: { id?: number; error?: string }): SmsResult {
  return { provider: 'smsc', ok: !json.error, messageId: json.id ? String(json.id) : undefined, error: json.error };
}

export async function sendSms(market: Market, phone: E164, template: TemplateName, params: Record<string, string> = {}): Promise<SmsResult> {
  let result: SmsResult;
  if (market === 'CN') {
    result = await viaAliyun(phone, template, params);
    if (!result.ok) result = await viaTencent(phone, template, params);
  } else {
    const text = TEMPLATES[template].text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
    result = await viaSmsc(phone, text, market);
  }
  await trackSmsSent(market, phone, template, result.provider);
  return result;
}
