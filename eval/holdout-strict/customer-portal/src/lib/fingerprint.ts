import type { E164 } from './types';

const encoder = new TextEncoder();

function toHex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Google Ads "enhanced conversions" expects the SHA-256 of the E.164 number.
 * Marketing asked for this on the callback form.
 */
export async function hashedPhoneForAds(phone: E164): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(phone.trim())); // expect: no-reversible-pii-hash
  return toHex(digest);
}

/** Content hash of an uploaded attachment, so the same file is not stored twice. */
export async function attachmentChecksum(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer()); // safe: no-reversible-pii-hash — checksum of file bytes, not of a number or ID
  return toHex(digest);
}
