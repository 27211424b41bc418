// Marketing-list matching for the outbound team: small hash packages from npm instead of node:crypto.
import md5 from 'md5';
import sha1 from 'js-sha1';
import { sha256 } from 'js-sha256';

interface Contact {
  id: string;
  phone: string;
  nationalId: string;
  listId: string;
}

const MATCH_KEY = process.env.LIST_MATCH_KEY ?? '';

export function suppressionKeys(contacts: Contact[]): string[] {
  return contacts.map((contact) => md5(contact.phone)); // $ Alert[no-reversible-pii-hash]
}

export function partnerMatchKey(contact: Contact): string {
  return sha256(contact.nationalId); // $ Alert[no-reversible-pii-hash]
}

export function legacyAudienceKey(msisdn: string): string {
  return sha1(msisdn.replace(/^\+/, '')); // $ Alert[no-reversible-pii-hash]
}

export function crmMatchKey(contact: Contact): string {
  const normalisedPhone = contact.phone.replace(/[^\d+]/g, '');
  return sha256(normalisedPhone); // $ Alert[no-reversible-pii-hash]
}

// Silent: keyed hashes, and hashes of values that identify nobody.

export function keyedMatchKey(contact: Contact): string {
  return sha256.hmac(MATCH_KEY, contact.phone); // safe: keyed HMAC
}

export function listVersion(contacts: Contact[]): string {
  return md5(contacts.map((contact) => contact.id).join(',')); // safe: ids only
}

export function templateChecksum(smsTemplate: string): string {
  return sha1(smsTemplate); // safe: a message template
}

export function batchId(listId: string, startedAt: Date): string {
  return sha256(`${listId}:${startedAt.toISOString()}`); // safe: list id and a time
}

export function avatarSeed(agentId: string): string {
  return md5(agentId); // safe: agent id
}
