export type CallState = 'ringing' | 'queued' | 'talking' | 'hold' | 'wrap';

/** One row of the live wallboard, as pushed by /api/live/stream. */
export interface LiveCall {
  callSid: string;
  queue: string;
  site: string;
  ani: string;
  dnis: string;
  state: CallState;
  since: number;
  agentId: string | null;
  customerId: string | null;
  language: string;
  vip: boolean;
}

export interface Supervisor {
  id: string;
  email: string;
  mobile: string;
  team: string;
  role: 'supervisor' | 'qa' | 'admin';
  sites: string[];
}

export interface CustomerSummary {
  id: string;
  phone: string;
  email: string | null;
  market: string;
  openTickets: number;
  lastCallAt: string | null;
}

export interface HistoryRow {
  callSid: string;
  at: string;
  ani: string;
  email: string | null;
  queue: string;
  durationSec: number;
  outcome: string;
}
