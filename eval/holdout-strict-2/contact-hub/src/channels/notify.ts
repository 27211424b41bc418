import { env } from '../env';
import { ESCALATION, type Site } from '../config/contacts';
import { maskPhone } from '../privacy/mask';

const TELEGRAM = `https://api.telegram.org/bot${env.TELEGRAM_BOT_TOKEN}`;

/** Ops channel. Numbers must be masked before they get here. */
export async function notifyOps(text: string): Promise<void> {
  await fetch(`${TELEGRAM}/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: env.TELEGRAM_OPS_CHAT_ID, text, disable_web_page_preview: true }) }); // safe: no-pii-in-url — message in a JSON body
}

export async function alertVipMissedCall(callerPhone: string, did: string): Promise<void> {
  await notifyOps(`VIP missed call on ${did} from ${maskPhone(callerPhone)}; call back within 15 min`);
}

/** The Almaty wallboard bot only understands the GET form (it started life as a curl one-liner). */
export async function legacyCallbackAlert(phone: string, slot: string): Promise<void> {
  const url = `${TELEGRAM}/sendMessage?chat_id=${env.TELEGRAM_OPS_CHAT_ID}&text=${encodeURIComponent(`Callback ${slot}: ${phone}`)}`; // expect: no-pii-in-url
  await fetch(url);
}

/** WeCom group bot; @-mentions the site's duty manager by mobile (a WeCom feature). */
export async function pingDutyManager(site: Site, text: string): Promise<void> {
  const { mobile } = ESCALATION[site];
  await fetch(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${env.WECOM_BOT_KEY}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msgtype: 'text', text: { content: text, mentioned_mobile_list: [mobile] } }) }); // safe: no-pii-in-url — the mobile is in the JSON body; the query holds only the bot key
}
