/**
 * Domain types shared by the webhooks, the dialer and the CRM sync.
 * Phone numbers are kept in E.164 everywhere; formatting happens at the edges.
 */
export type E164 = string;

export type ContactChannel = 'voice' | 'sms';

export type LeadStatus = 'new' | 'queued' | 'dialled' | 'connected' | 'no-answer' | 'converted' | 'closed';

/** A billing customer, as returned by the billing API. */
export interface Customer {
  id: string;
  accountNumber: string;
  fullName: string;
  phone: E164;
  email: string;
  smsOptIn: boolean;
  phoneCountryCode: string;
  isPhoneVerified: boolean;
  balanceDueCents: number;
}

export interface Appointment {
  id: string;
  customer: Customer;
  branchName: string;
  startsAt: Date;
  /** Number given when the appointment was booked; may differ from the account's. */
  contactPhone?: E164;
}

/** A retry the dialer schedules when a lead did not pick up. */
export interface DialAttempt {
  leadId: string;
  campaignId: string;
  phone: E164;
  attempt: number;
  lastCallSid?: string;
}

/** What the IVR needs to know about the account behind a caller ID. */
export interface AccountSummary {
  id: string;
  accountNumber: string;
  balanceCents: number;
  preferredLanguage: 'en-US' | 'es-US';
}

export interface NewLead {
  campaignId: string;
  firstName: string;
  phone: E164;
  phoneCountryCode: string;
  email?: string;
  consent: boolean;
  /** Where consent was captured (form URL and version), kept as evidence. */
  consentSource: string;
  timezone: string;
}
