import { MoreThan } from 'typeorm';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';
import type { LeadEntity } from '../storage/entities.js';
import { leadRepo } from '../storage/repositories.js';
import type { E164 } from '../types.js';

/** What the CRM knows about a lead. */
export interface CrmContact {
  externalId: string;
  firstName: string;
  phone: E164;
  email?: string;
  lifecycleStage: 'lead' | 'opportunity' | 'customer';
  isPhoneVerified: boolean;
}

export class CrmSyncError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CrmSyncError';
  }
}

const CONTACTS_URL = `${config.hubspot.apiBaseUrl}/crm/v3/objects/contacts`;

function toCrmContact(lead: LeadEntity): CrmContact {
  return {
    externalId: lead.id,
    firstName: lead.firstName,
    phone: lead.phone,
    email: lead.email ?? undefined,
    lifecycleStage: lead.status === 'converted' ? 'customer' : lead.status === 'connected' ? 'opportunity' : 'lead',
    isPhoneVerified: lead.isPhoneVerified,
  };
}

/** Upserts by our lead id (custom unique property `lead_id`); returns HubSpot's contact id. */
async function upsertContact(contact: CrmContact): Promise<string> {
  const response = await fetch(`${CONTACTS_URL}/${encodeURIComponent(contact.externalId)}?idProperty=lead_id`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${config.hubspot.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      properties: {
        firstname: contact.firstName,
        phone: contact.phone,
        email: contact.email,
        lifecyclestage: contact.lifecycleStage,
        phone_verified: contact.isPhoneVerified,
      },
    }),
  });
  if (!response.ok) throw new CrmSyncError(`HubSpot returned ${response.status} for lead ${contact.externalId}`, response.status);
  const body = (await response.json()) as { id: string };
  return body.id;
}

/** Accounts opened before 2021 also live in the on-prem CRM; its bridge service mirrors contacts into it. */
async function mirrorToLegacyCrm(contact: CrmContact): Promise<void> {
  const response = await fetch('http://crm-bridge.prod.northwind-cc.net/v1/contacts', { // $ Alert[no-plaintext-transport]
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(contact),
  });
  if (!response.ok) throw new CrmSyncError(`Legacy CRM bridge returned ${response.status} for lead ${contact.externalId}`, response.status);
}

/** Pushes every lead changed since the last run. Runs every five minutes. */
export async function syncContactsToCrm(since: Date): Promise<{ pushed: number; failed: number }> {
  const changed = await leadRepo.find({ where: { updatedAt: MoreThan(since) }, order: { updatedAt: 'ASC' }, take: 500 });
  let pushed = 0;
  let failed = 0;
  for (const lead of changed) {
    const contact = toCrmContact(lead);
    try {
      const contactId = await upsertContact(contact);
      if (lead.legacyAccount) await mirrorToLegacyCrm(contact);
      logger.debug('contact synced', { leadId: lead.id, contactId, isPhoneVerified: contact.isPhoneVerified });
      pushed += 1;
    } catch (err) {
      logger.warn('CRM sync failed', { error: err instanceof Error ? err.message : String(err), contact }); // $ Alert[no-pii-in-logs]
      failed += 1;
    }
  }
  logger.info('CRM sync finished', { pushed, failed, since: since.toISOString() });
  return { pushed, failed };
}
