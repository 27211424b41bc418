// Browser softphone for the collections team on JsSIP, plain JavaScript.
import JsSIP from 'jssip';
import { hasConsent, suppression } from '@acme/compliance';

const PBX_DOMAIN = 'pbx.acme-contact.com';

const socket = new JsSIP.WebSocketInterface(`wss://${PBX_DOMAIN}:8089/ws`);
const ua = new JsSIP.UA({
  sockets: [socket],
  uri: `sips:${localStorage.getItem('agentExtension') ?? 'agent'}@${PBX_DOMAIN}`,
  password: sessionStorage.getItem('sipPassword') ?? '',
  register: true,
});

const callOptions = {
  mediaConstraints: { audio: true, video: false },
  pcConfig: { iceServers: [{ urls: 'stun:stun.acme-contact.com:3478' }] },
};

let currentSession = null;

ua.on('newRTCSession', ({ session, originator }) => {
  currentSession = session;
  if (originator === 'remote') session.answer(callOptions); // safe: answers an inbound call
});

ua.start();

/** @param {{ id: string, phone: string }} account */
export function callAccount(account) {
  currentSession = ua.call(`sips:${account.phone}@${PBX_DOMAIN}`, callOptions); // $ Alert[require-consent-check]
  return currentSession;
}

/** @param {{ id: string, phone: string }} account */
export async function callAccountChecked(account) {
  if (!(await hasConsent(account.phone))) return null;
  currentSession = ua.call(`sips:${account.phone}@${PBX_DOMAIN}`, callOptions); // safe: consent early return
  return currentSession;
}

/** @param {{ id: string, phone: string, smsOptIn: boolean }} account */
export async function callAccountAfterSuppressionCheck(account) {
  const blocked = await suppression.isSuppressed(account.phone);
  return blocked ? null : ua.call(`sips:${account.phone}@${PBX_DOMAIN}`, callOptions); // safe: ternary on suppression
}

// Redial from the recent-calls list: that list is never checked.
/** @param {string[]} recentNumbers */
export function redialLast(recentNumbers) {
  const last = recentNumbers[recentNumbers.length - 1];
  if (!last) return null;
  return ua.call(`sips:${last}@${PBX_DOMAIN}`, callOptions); // $ Alert[require-consent-check]
}

// Not dialling: in-call controls.
export function sendDigit(digit) {
  currentSession?.sendDTMF(digit); // safe: DTMF on the current call
}

export function toggleHold() {
  if (!currentSession) return;
  if (currentSession.isOnHold().local) currentSession.unhold(); // safe: hold control
  else currentSession.hold(); // safe: hold control
}

export function hangUp() {
  currentSession?.terminate(); // safe: ends the call
  currentSession = null;
}
