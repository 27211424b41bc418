// Shared consent gate of the callback service; the dialler that uses it is callback-scheduler.ts.
import { auditTrail, consentStore, dncRegistry } from '@acme/compliance';

export type ConsentStatus = 'granted' | 'revoked' | 'unknown';

export class DoNotCallError extends Error {
  override name = 'DoNotCallError';

  constructor(readonly leadId: string, reason: string) {
    super(`lead ${leadId} may not be contacted: ${reason}`);
  }
}

/** Throws unless the number may be called now. */
export async function assertDialable(phone: string, leadId: string): Promise<void> {
  if (await dncRegistry.isListed(phone)) {
    throw new DoNotCallError(leadId, 'on the do-not-call list');
  }
  const status: ConsentStatus = await consentStore.status(phone);
  if (status !== 'granted') {
    throw new DoNotCallError(leadId, `consent ${status}`);
  }
}

/** Neutral name, same contract: throws when the customer withdrew consent. */
export async function requireReachable(phone: string, leadId: string): Promise<void> {
  const record = await consentStore.lookup(phone);
  if (!record || record.revokedAt) throw new DoNotCallError(leadId, 'consent revoked');
}

/** Records a missing consent for the compliance report; lets the caller carry on. */
export async function noteConsentGap(phone: string, leadId: string): Promise<void> {
  if (!(await consentStore.has(phone))) {
    await auditTrail.record({ event: 'consent.missing', leadId });
  }
}

/** Quiet hours (8 am–9 pm local time): a time-of-day rule, not a consent check. */
export function isQuietHours(timeZone: string, now = new Date()): boolean {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now),
  );
  return hour < 8 || hour >= 21;
}

/** Returns the subset of jobs whose numbers are not on the do-not-call list. */
export async function withoutDoNotCall<T extends { phone: string }>(jobs: T[]): Promise<T[]> {
  const listed = await dncRegistry.lookupMany(jobs.map((j) => j.phone));
  return jobs.filter((j) => !listed.has(j.phone));
}
