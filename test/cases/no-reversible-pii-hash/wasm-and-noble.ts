// Browser-side keys for the wallboard and the softphone: hash-wasm and @noble/hashes, because Web Crypto is
// async-only and node:crypto is not there. A fast or unkeyed hash of a phone number or ID is a lookup table away.
import { createHMAC, createSHA256, md5, sha1, sha256 as sha256Wasm, xxhash64 } from 'hash-wasm';
import { sha256 } from '@noble/hashes/sha256';
import { hmac } from '@noble/hashes/hmac';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

interface WallboardCall {
  callSid: string;
  callerId: string;
  queue: string;
}

interface KycRecord {
  customerId: string;
  idNumber: string;
  documentType: string;
}

declare const sessionKey: Uint8Array;

export async function repeatCallerBucket(call: WallboardCall): Promise<string> {
  return xxhash64(call.callerId.replace(/\D/g, '')); // $ Alert[no-reversible-pii-hash]
}

export async function queueBucket(call: WallboardCall): Promise<string> {
  return xxhash64(call.queue); // safe: a queue name
}

export async function callerCacheKey(call: WallboardCall): Promise<string> {
  return `caller:${await md5(call.callerId)}`; // $ Alert[no-reversible-pii-hash]
}

export async function callCacheKey(call: WallboardCall): Promise<string> {
  return `call:${await md5(call.callSid)}`; // safe: a call SID
}

export async function legacyMatchKey(msisdn: string): Promise<string> {
  return sha1(msisdn); // $ Alert[no-reversible-pii-hash]
}

export async function kycFingerprint(record: KycRecord): Promise<string> {
  return sha256Wasm(record.idNumber.toUpperCase()); // $ Alert[no-reversible-pii-hash]
}

export async function documentTypeKey(record: KycRecord): Promise<string> {
  return sha256Wasm(`${record.documentType}:${record.customerId}`); // safe: document type and customer id
}

export async function streamedFingerprint(record: KycRecord): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  hasher.update(record.idNumber); // $ Alert[no-reversible-pii-hash]
  return hasher.digest('hex');
}

export async function keyedFingerprint(record: KycRecord, key: string): Promise<string> {
  const mac = await createHMAC(createSHA256(), key);
  mac.init();
  mac.update(record.idNumber); // safe: HMAC keyed with a secret
  return mac.digest('hex');
}

export function vipListKey(record: KycRecord): string {
  return bytesToHex(sha256(utf8ToBytes(record.idNumber.trim().toUpperCase()))); // $ Alert[no-reversible-pii-hash]
}

export function vipListKeyKeyed(record: KycRecord): string {
  return bytesToHex(hmac(sha256, sessionKey, utf8ToBytes(record.idNumber))); // safe: noble HMAC with a session key
}

export function incrementalVipKey(callerId: string): string {
  return bytesToHex(sha256.create().update(utf8ToBytes(callerId)).digest()); // $ Alert[no-reversible-pii-hash]
}

export function queueKey(call: WallboardCall): string {
  return bytesToHex(sha256(utf8ToBytes(call.queue))); // safe: a queue name
}
