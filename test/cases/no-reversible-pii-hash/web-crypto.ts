// Agent softphone (browser): recents de-duplication and upload integrity with Web Crypto.
import { Device } from '@twilio/voice-sdk';
import type { Call } from '@twilio/voice-sdk';

type E164 = string & { readonly __brand: 'E164' };

const encoder = new TextEncoder();
const toHex = (buf: ArrayBuffer): string => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function recentKey(callerNumber: E164): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(callerNumber)); // $ Alert[no-reversible-pii-hash]
  return toHex(digest);
}

export async function redialKey(phoneNumber: string): Promise<string> {
  return toHex(await window.crypto.subtle.digest('SHA-1', new TextEncoder().encode(phoneNumber))); // $ Alert[no-reversible-pii-hash]
}

export async function leadKey(lead: { id: string; mobile: string }): Promise<string> {
  const data = encoder.encode(lead.mobile.replace(/\D/g, ''));
  return toHex(await crypto.subtle.digest({ name: 'SHA-512' }, data)); // $ Alert[no-reversible-pii-hash]
}

export async function keyedRecentKey(callerNumber: E164, key: CryptoKey): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(callerNumber))); // safe: keyed HMAC
}

export async function sealCaller(callerNumber: E164, key: CryptoKey): Promise<ArrayBuffer> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(callerNumber)); // safe: encryption
}

export async function chunkChecksum(chunk: Blob): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', await chunk.arrayBuffer())); // safe: audio chunk integrity
}

export async function sessionKey(callSid: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(callSid))); // safe: call SID
}

export function watch(device: Device, onRecent: (key: string) => void): void {
  device.on('incoming', async (call: Call) => {
    const callSid = call.parameters.CallSid ?? '';
    onRecent(await sessionKey(callSid));
    const agentId = device.identity ?? 'unknown';
    onRecent(toHex(await crypto.subtle.digest('SHA-256', encoder.encode(agentId)))); // safe: agent identity
  });
}
