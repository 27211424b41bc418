/**
 * Browser-side persistence for the softphone: recent numbers, preferences,
 * call history (IndexedDB) and wrap-up note drafts.
 */

const RECENT_KEY = 'softphone.recentNumbers';
const PREFS_KEY = 'softphone.prefs';
const DB_NAME = 'softphone';
const DB_VERSION = 2;
const MAX_RECENT = 10;

export interface Preferences {
  callerIdEnabled: boolean;
  ringtone: string;
  phoneModel: string;
}

export interface CallHistoryEntry {
  id: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  startedAt: number;
  durationSec: number;
}

export function maskNumber(value: string): string {
  return value.length > 4 ? `${'•'.repeat(value.length - 4)}${value.slice(-4)}` : '••••';
}

// ---------------------------------------------------------------- Web Storage

export function recentNumbers(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function rememberRecentNumber(number: string): void {
  const next = [number, ...recentNumbers().filter((n) => n !== number)].slice(0, MAX_RECENT);
  localStorage.setItem(RECENT_KEY, JSON.stringify(next)); // expect: no-plaintext-pii-storage
}

export function savePreferences(prefs: Preferences): void {
  localStorage.setItem(PREFS_KEY, JSON.stringify(prefs)); // safe: no-plaintext-pii-storage — callerIdEnabled flag, ringtone name and device model
}

export function rememberActiveCall(callId: string, remoteNumber: string): void {
  sessionStorage.setItem('softphone.activeCall', JSON.stringify({ callId, remote: maskNumber(remoteNumber) })); // safe: no-plaintext-pii-storage — number masked before it is stored
}

// -------------------------------------------------------------------- Cookies

/** Read by the legacy CRM pop-up on the same site to pre-fill its search box. */
export function setLastCallerCookie(number: string): void {
  document.cookie = `last_caller=${encodeURIComponent(number)}; path=/; max-age=86400; secure; samesite=strict`; // expect: no-plaintext-pii-storage
}

export function setAgentExtensionCookie(extension: string): void {
  document.cookie = `agent_ext=${encodeURIComponent(extension)}; path=/; secure; samesite=strict`;
}

// ------------------------------------------------------------------ IndexedDB

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('callHistory')) db.createObjectStore('callHistory', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('drafts')) db.createObjectStore('drafts');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

export async function saveCallHistory(entry: CallHistoryEntry): Promise<void> {
  const db = await openDb();
  await done(db.transaction('callHistory', 'readwrite').objectStore('callHistory').put(entry)); // expect: no-plaintext-pii-storage
}

export async function loadCallHistory(): Promise<CallHistoryEntry[]> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const req = db.transaction('callHistory').objectStore('callHistory').getAll();
    req.onsuccess = () => resolve((req.result as CallHistoryEntry[]).sort((a, b) => b.startedAt - a.startedAt));
    req.onerror = () => reject(req.error);
  });
}

// Wrap-up drafts survive the call panel being torn down between calls. The key
// lives only in this tab's memory, so nothing readable is left on disk.
let draftKey: Promise<CryptoKey> | undefined;

function getDraftKey(): Promise<CryptoKey> {
  draftKey ??= crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return draftKey;
}

export async function saveWrapUpDraft(callId: string, remoteNumber: string, note: string): Promise<void> {
  const key = await getDraftKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify({ remoteNumber, note }));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext);
  const db = await openDb();
  await done(db.transaction('drafts', 'readwrite').objectStore('drafts').put({ iv, sealed }, callId)); // safe: no-plaintext-pii-storage — the number is inside the AES-GCM ciphertext
}
