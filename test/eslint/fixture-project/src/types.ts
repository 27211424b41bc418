// Shared types of the contact-center back end.
export interface Lead {
  id: string;
  campaignId: string;
  firstName: string;
  phone: string;
  smsOptIn: boolean;
}

export interface CallerProfile {
  accountId: string;
  tier: 'standard' | 'priority';
  mobile: string;
}
