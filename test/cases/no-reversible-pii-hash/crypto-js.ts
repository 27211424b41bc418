// Browser CTI widget: caller keys for the "returning caller" badge, computed with crypto-js.
import CryptoJS from 'crypto-js';
import { AES, HmacSHA256, MD5, SHA256 } from 'crypto-js';

interface ScreenPop {
  callSid: string;
  callerNumber: string;
  customer?: { id: string; ssn: string; cardNumber: string };
}

const WIDGET_KEY = (window as unknown as { __CTI_KEY__: string }).__CTI_KEY__;

export function returningCallerKey(pop: ScreenPop): string {
  return CryptoJS.SHA256(pop.callerNumber).toString(); // $ Alert[no-reversible-pii-hash]
}

export function legacyCallerKey(pop: ScreenPop): string {
  return MD5(pop.callerNumber).toString(CryptoJS.enc.Hex); // $ Alert[no-reversible-pii-hash]
}

export function customerKey(pop: ScreenPop): string | undefined {
  if (!pop.customer) return undefined;
  return SHA256(pop.customer.ssn).toString(CryptoJS.enc.Base64); // $ Alert[no-reversible-pii-hash]
}

export function cardKey(pop: ScreenPop): string | undefined {
  // PCI DSS 4.0 req. 3.5.1.1: hashes of a PAN must be keyed.
  return pop.customer && CryptoJS.SHA1(pop.customer.cardNumber).toString(); // $ Alert[no-reversible-pii-hash]
}

// Silent: keyed, encrypted, or not PII.

export function keyedCallerKey(pop: ScreenPop): string {
  return HmacSHA256(pop.callerNumber, WIDGET_KEY).toString(); // safe: keyed HMAC
}

export function keyedCallerKeyNamespaced(pop: ScreenPop): string {
  return CryptoJS.HmacSHA256(pop.callerNumber, WIDGET_KEY).toString(); // safe: keyed HMAC
}

export function sealedCaller(pop: ScreenPop): string {
  return AES.encrypt(pop.callerNumber, WIDGET_KEY).toString(); // safe: encryption
}

export function popId(pop: ScreenPop): string {
  return MD5(pop.callSid).toString(); // safe: call SID
}

export function layoutVersion(panels: string[]): string {
  return CryptoJS.SHA256(JSON.stringify(panels)).toString(); // safe: widget layout
}
