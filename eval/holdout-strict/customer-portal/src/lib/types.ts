/** A phone number in E.164 form, e.g. "+447700900123". Produced by `toE164` only. */
export type E164 = string & { readonly __brand: 'E164' };

export type Plan = 'basic' | 'plus' | 'business';

export interface Customer {
  id: string;
  crmId: string;
  email: string;
  phone: E164;
  phoneVerified: boolean;
  plan: Plan;
  locale: string;
  createdAt: string;
}

export interface Agent {
  id: string;
  email: string;
  extension: string;
  team: 'billing' | 'tech' | 'retention';
  role: 'agent' | 'supervisor';
}

export interface IncomingCaller {
  phone: E164;
  lineType: 'mobile' | 'landline' | 'voip' | 'unknown';
  customer?: Customer;
}

export interface CallbackRequest {
  phone: E164;
  /** ISO start of the 30-minute window the customer picked. */
  slot: string;
  timezone: string;
  extension?: string;
}

export interface CallbackTicket {
  id: string;
  reference: string;
  slot: string;
}

export interface CallSummaryRow {
  callSid: string;
  startedAt: string;
  durationSec: number;
  disposition: 'resolved' | 'follow_up' | 'escalated' | 'abandoned';
  agentId: string;
  recordingSid?: string;
}
