// Agent softphone UI in the browser: recents list, redial and draft notes kept across reloads.
import { Device } from '@twilio/voice-sdk';
import type { Call } from '@twilio/voice-sdk';
import { openDB } from 'idb';
import { set as idbSet } from 'idb-keyval';
import { encryptWithSessionKey, tokenize } from '@acme/browser-crypto';

type E164 = string & { readonly __brand: 'E164' };

interface RecentCall {
  callSid: string;
  number: E164;
  direction: 'inbound' | 'outbound';
  at: number;
}

const recentsDb = await openDB('softphone', 1, {
  upgrade(db) {
    db.createObjectStore('recents', { keyPath: 'callSid' });
  },
});

export function onIncoming(device: Device): void {
  device.on('incoming', async (call: Call) => {
    const caller = call.parameters.From as E164;
    const callSid = call.parameters.CallSid;

    localStorage.setItem('softphone:lastCaller', caller); // $ Alert[no-plaintext-pii-storage]
    localStorage.setItem('softphone:lastCallSid', callSid); // safe: SID
    localStorage.setItem('softphone:lastCallerToken', await tokenize(caller)); // safe: tokenized
    sessionStorage.setItem('softphone:active', JSON.stringify({ callSid, caller })); // $ Alert[no-plaintext-pii-storage]
    sessionStorage.setItem('softphone:active', JSON.stringify({ callSid, startedAt: Date.now() })); // safe: no PII

    const recent: RecentCall = { callSid, number: caller, direction: 'inbound', at: Date.now() };
    await recentsDb.put('recents', recent); // $ Alert[no-plaintext-pii-storage]
    await recentsDb.put('recents', { callSid, number: await encryptWithSessionKey(caller), direction: 'inbound', at: Date.now() }); // safe: encrypted
    await recentsDb.put('recents', { callSid, direction: 'inbound', at: Date.now() }); // safe: no PII
  });
}

export function rememberRedial(dialed: E164): void {
  const request = indexedDB.open('softphone-legacy', 1);
  request.onsuccess = () => {
    const store = request.result.transaction('redial', 'readwrite').objectStore('redial');
    store.put({ id: 'last', number: dialed }); // $ Alert[no-plaintext-pii-storage]
    store.put({ id: 'last-at', at: Date.now() }); // safe: no PII
  };
  void idbSet('redial:last', dialed); // $ Alert[no-plaintext-pii-storage]
  void idbSet('redial:count', 1); // safe: a number
}

export function rememberAgentPrefs(agentId: string, phoneModel: string, isPhoneVerified: boolean): void {
  localStorage.setItem('softphone:prefs', JSON.stringify({ agentId, phoneModel, isPhoneVerified })); // safe: no PII
  window.localStorage.setItem('softphone:agent', agentId); // safe: identifier
}

export function rememberInCookie(dialed: E164, callSid: string): void {
  document.cookie = `last_dialed=${dialed}; path=/; max-age=86400`; // $ Alert[no-plaintext-pii-storage]
  document.cookie = `last_call=${callSid}; path=/; max-age=86400; secure; samesite=strict`; // safe: SID
  document.cookie = 'redial_enabled=true; path=/'; // safe: a flag
}
