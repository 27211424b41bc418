import 'server-only';
import type { CustomerProfile } from '../types/callback';
import { getConfig } from './config';
import { errorMessage, logger } from './logger';

const cfg = getConfig();

function crmHeaders(): HeadersInit {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${process.env.CRM_API_TOKEN ?? ''}`,
  };
}

export async function fetchCustomerByPhone(phone: string): Promise<CustomerProfile | null> {
  const res = await fetch(`${cfg.crmBaseUrl}/customers/lookup`, {
    method: 'POST',
    headers: crmHeaders(),
    body: JSON.stringify({ phone }),
    cache: 'no-store',
  });

  if (res.status === 404) return null;
  if (!res.ok) {
    logger.warn('crm lookup failed', { status: res.status });
    return null;
  }

  const profile = (await res.json()) as CustomerProfile;
  logger.debug('crm lookup hit', { crmId: profile.crmId, tier: profile.tier, phoneVerified: profile.phoneVerified });
  return profile;
}

/** The old on-prem ACD still polls this queue for callbacks it should route. */
export async function enqueueLegacy(ticketId: string, phone: string): Promise<void> {
  try {
    await fetch(cfg.legacyQueueUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticketId, phone, source: 'web-portal' }),
    });
  } catch (err) {
    logger.error('legacy enqueue failed', { ticketId, error: errorMessage(err) });
  }
}

export async function scheduleReminderJob(ticketId: string, runAt: Date): Promise<void> {
  const res = await fetch(`${cfg.schedulerUrl}/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'callback-reminder', ticketId, runAt: runAt.toISOString() }),
  });
  if (!res.ok) {
    logger.warn('scheduler rejected job', { ticketId, status: res.status });
  }
}

/** Post-call survey invitations are handled by an outside CX vendor. */
export async function inviteToSurvey(ticketId: string, email: string | null): Promise<void> {
  if (!email) return;
  await fetch('http://surveys.partner-cx.example.com/v1/invitations', { // expect: no-plaintext-transport
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': process.env.SURVEY_API_KEY ?? '' },
    body: JSON.stringify({ reference: ticketId, email, campaign: 'callback-csat' }),
  });
}
