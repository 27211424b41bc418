/** E.164 phone number, e.g. +12025550143. Only produced by toE164(). */
export type E164 = string & { readonly __brand: 'E164' };

export interface CustomerRecord {
  customerId: string;
  /** HMAC-SHA256 of the E.164 number under the lookup key (see lib/crypto). */
  phoneHmac: string;
  /** Envelope-encrypted E.164 number (see lib/crypto sealPii). */
  phoneEnc: string;
  tier: 'standard' | 'gold' | 'platinum';
  phoneVerified: boolean;
  preferredLanguage: 'en-US' | 'es-US';
  accountStatus: 'active' | 'past_due' | 'closed';
  lastContactId?: string;
  lastContactAt?: string;
}

export interface CallbackWindow {
  from: string;
  to: string;
}

/** Body of the "call me back" form on the website. */
export interface CallbackForm {
  phone?: string;
  reason?: string;
  window?: CallbackWindow;
  consentToCall?: boolean;
  customerId?: string;
}

export type CallbackStatus = 'queued' | 'dialled' | 'failed' | 'suppressed' | 'completed';

export interface CallbackRequest {
  requestId: string;
  customerId?: string;
  phoneEnc: string;
  phoneHmac: string;
  reason: string;
  window: CallbackWindow;
  status: CallbackStatus;
  numberOfAttempts: number;
  providerCallId?: string;
  createdAt: string;
  updatedAt: string;
}

/** SQS message body for the callback queue. */
export interface CallbackJob {
  requestId: string;
  attempt: number;
}

export interface Appointment {
  appointmentId: string;
  customerId: string;
  mobileEnc: string;
  phoneHmac: string;
  startsAt: string;
  branchName: string;
  smsOptIn: boolean;
  status: 'booked' | 'visited' | 'cancelled' | 'no_show';
}

export interface ConsentRecord {
  phoneHmac: string;
  voice: 'granted' | 'revoked' | 'unknown';
  sms: 'granted' | 'revoked' | 'unknown';
  dnc: boolean;
  source: string;
  updatedAt: string;
}

/** Subset of an Amazon Connect contact trace record (CTR) from the Kinesis stream. */
export interface ContactTraceRecord {
  ContactId: string;
  InitiationMethod: 'INBOUND' | 'OUTBOUND' | 'CALLBACK' | 'API' | 'TRANSFER';
  Channel: 'VOICE' | 'CHAT' | 'TASK';
  CustomerEndpoint: { Address: string; Type: 'TELEPHONE_NUMBER' } | null;
  Queue: { Name: string; ARN: string; Duration: number; EnqueueTimestamp: string } | null;
  Agent: { Username: string; ConnectedToAgentTimestamp: string } | null;
  DisconnectTimestamp: string;
  DisconnectReason?: string;
}

/** Body of an inbound two-way SMS that SNS delivers to the opt-out topic. */
export interface InboundSms {
  originationNumber: string;
  destinationNumber: string;
  messageKeyword: string;
  messageBody: string;
  inboundMessageId: string;
  previousPublishedMessageId?: string;
}
