import { config } from '../config';
import { logger } from './logger';

export interface CrmCase {
  caseId: string;
  status: 'open' | 'pending' | 'closed';
  subject: string;
  priority: number;
}

async function crmRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.crm.timeoutMs);
  try {
    const res = await fetch(`${config.crm.baseUrl}${path}`, {
      ...init,
      headers: { 'x-api-key': config.crm.apiKey, accept: 'application/json', 'content-type': 'application/json' },
      signal: controller.signal,
    });
    if (!res.ok) throw new Error(`CRM ${init.method ?? 'GET'} ${path} answered ${res.status}`);
    return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
  } finally {
    clearTimeout(timer);
  }
}

/** Open cases for a customer; an empty list if the CRM is slow or down (routing must not block). */
export async function fetchOpenCases(customerId: string): Promise<CrmCase[]> {
  try {
    const cases = await crmRequest<CrmCase[]>(`/customers/${encodeURIComponent(customerId)}/cases?status=open`);
    return cases.filter((c) => c.status !== 'closed');
  } catch (err) {
    logger.warn('CRM case lookup failed', { customerId, error: err });
    return [];
  }
}
