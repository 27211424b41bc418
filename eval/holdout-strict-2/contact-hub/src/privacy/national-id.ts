import type { IdKind } from '../types';

const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = '10X98765432'; // safe: no-hardcoded-pii — ISO 7064 check-character table

/** GB 11643-1999 resident identity number, ISO 7064 MOD 11-2 check character. */
export function isValidCnResidentId(sfzh: string): boolean {
  const v = sfzh.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = CN_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return CN_CHECK[sum % 11] === v[17];
}

export function isValidInn(inn: string): boolean {
  const d = inn.replace(/\D/g, '').split('').map(Number);
  const check = (weights: number[]) => (weights.reduce((s, w, i) => s + w * (d[i] ?? 0), 0) % 11) % 10;
  if (d.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  if (d.length === 12) {
    return check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
  }
  return false;
}

export function isValidSnils(snils: string): boolean {
  const digits = snils.replace(/\D/g, '');
  if (digits.length !== 11) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  const expected = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : (sum % 101) % 100;
  return expected === Number(digits.slice(9));
}

const NINO = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
const SSN = /^(?!000|666|9\d\d)\d{3}-?(?!00)\d{2}-?(?!0000)\d{4}$/;

export const isValidNino = (nino: string): boolean => NINO.test(nino.replace(/\s/g, '').toUpperCase());
export const isValidSsn = (ssn: string): boolean => SSN.test(ssn.trim());

/** Cross-tenant duplicate check at onboarding: the same person signing up with two clients. */
export async function idFingerprint(kind: IdKind, idNumber: string): Promise<string> {
  const normalised = `${kind}:${idNumber.replace(/[\s-]/g, '').toUpperCase()}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised)); // expect: no-reversible-pii-hash
  return Buffer.from(digest).toString('hex');
}

/** Customers often attach the same ID-card photo twice; dedupe uploads by content. */
export async function scanChecksum(idCardScan: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', idCardScan); // safe: no-reversible-pii-hash — digest of image bytes, not of an enumerable id
  return Buffer.from(digest).toString('hex');
}
