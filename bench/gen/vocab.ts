/**
 * Call-center vocabulary for the corpus generator: entities with their PII fields, app
 * archetypes, and pools of names. Phone literals are only the reserved fictional NANP
 * range 555-0100..555-0199.
 */
import type { Prng } from './prng.js';

export type PiiKind = 'phone' | 'email' | 'national-id' | 'payment-card' | 'call-recording' | 'caller-name';

export interface FieldSpec {
  name: string;
  /** TypeScript type text. */
  ts: string;
  pii?: PiiKind;
  /** A JS literal for samples and fixtures. */
  sample: (rng: Prng) => string;
  /** SQL column type for migrations and raw SQL. */
  sql: string;
}

/** How a record says it may be contacted, as an expression over the record variable. */
export type ConsentStyle = 'consent' | 'doNotCall' | 'optedOut' | 'smsOptIn' | 'none';

export interface EntitySpec {
  name: string;
  varName: string;
  plural: string;
  table: string;
  fields: FieldSpec[];
  /** The number this record is called/texted on, if any. */
  phone?: string;
  email?: string;
  recording?: string;
  nationalId?: string;
  consent: ConsentStyle;
  statuses: string[];
  /** A numeric field that aggregations can sum. */
  metric?: string;
  /** A safe display field (not PII) for logs. */
  label: string;
}

const AREA_CODES = ['202', '212', '305', '312', '415', '503', '617', '646', '702', '718', '801', '917'];

/** A reserved fictional number (555-01xx) in E.164. */
export function fictionalE164(rng: Prng): string {
  return `+1${rng.pick(AREA_CODES)}55501${String(rng.int(100)).padStart(2, '0')}`;
}

/** The same fictional range in a human format. */
export function fictionalDisplay(rng: Prng): string {
  const area = rng.pick(AREA_CODES);
  const tail = `01${String(rng.int(100)).padStart(2, '0')}`;
  return rng.chance(0.5) ? `(${area}) 555-${tail}` : `${area}-555-${tail}`;
}

const FIRST = ['Jordan', 'Avery', 'Riley', 'Morgan', 'Casey', 'Taylor', 'Quinn', 'Harper', 'Rowan', 'Emerson', 'Sasha', 'Dana'];
const LAST = ['Lee', 'Patel', 'Garcia', 'Nguyen', 'Kowalski', 'Okafor', 'Rossi', 'Ivanova', 'Schmidt', 'Tanaka', 'Silva'];

const q = (s: string): string => `'${s}'`;
const str = (name: string, sample: (r: Prng) => string, pii?: PiiKind, sql = 'varchar(255)'): FieldSpec =>
  pii ? { name, ts: 'string', pii, sample, sql } : { name, ts: 'string', sample, sql };
const bool = (name: string): FieldSpec => ({ name, ts: 'boolean', sample: (r) => String(r.chance(0.7)), sql: 'boolean' });
const num = (name: string, max: number): FieldSpec => ({ name, ts: 'number', sample: (r) => String(r.int(max)), sql: 'integer' });
const date = (name: string): FieldSpec => ({
  name,
  ts: 'Date',
  sample: (r) => `new Date('2024-0${r.range(1, 9)}-1${r.range(0, 9)}T1${r.range(0, 9)}:00:00Z')`,
  sql: 'timestamptz',
});
const id = (name: string, prefix: string): FieldSpec => str(name, (r) => q(`${prefix}_${r.range(1000, 9999)}`), undefined, 'uuid');
const phone = (name: string): FieldSpec => str(name, (r) => q(fictionalE164(r)), 'phone', 'varchar(32)');
const email = (name: string): FieldSpec =>
  str(name, (r) => q(`${r.pick(FIRST).toLowerCase()}.${r.pick(LAST).toLowerCase()}@example.com`), 'email');
const personName = (name: string): FieldSpec => str(name, (r) => q(`${r.pick(FIRST)} ${r.pick(LAST)}`));
const oneOf = (name: string, values: string[]): FieldSpec => ({
  name,
  ts: values.map(q).join(' | '),
  sample: (r) => q(r.pick(values)),
  sql: 'varchar(32)',
});

export const ENTITIES: EntitySpec[] = [
  {
    name: 'Lead', varName: 'lead', plural: 'leads', table: 'leads',
    fields: [id('id', 'lead'), personName('firstName'), personName('lastName'), phone('phone'), email('email'),
      oneOf('status', ['new', 'contacted', 'qualified', 'lost']), id('campaignId', 'cmp'), bool('consent'),
      bool('doNotCall'), str('timezone', () => q('America/New_York')), num('attempts', 6), date('createdAt')],
    phone: 'phone', email: 'email', consent: 'consent', statuses: ['new', 'contacted', 'qualified', 'lost'],
    metric: 'attempts', label: 'campaignId',
  },
  {
    name: 'Customer', varName: 'customer', plural: 'customers', table: 'customers',
    fields: [id('id', 'cus'), personName('fullName'), phone('phoneNumber'), email('email'),
      str('accountNumber', (r) => q(`AC-${r.range(10000, 99999)}`)), str('nationalId', () => q('ID-TEST-0001'), 'national-id'),
      oneOf('tier', ['basic', 'gold', 'platinum']), bool('smsOptIn'), str('preferredLanguage', () => q('en-US')),
      date('createdAt')],
    phone: 'phoneNumber', email: 'email', nationalId: 'nationalId', consent: 'smsOptIn',
    statuses: ['active', 'suspended', 'closed'], label: 'tier',
  },
  {
    name: 'Contact', varName: 'contact', plural: 'contacts', table: 'contacts',
    fields: [id('id', 'con'), personName('displayName'), phone('mobile'), email('workEmail'), str('company', () => q('Northwind Health')),
      bool('optedOut'), id('ownerId', 'usr'), num('score', 100), date('updatedAt')],
    phone: 'mobile', email: 'workEmail', consent: 'optedOut', statuses: ['open', 'nurture', 'closed'],
    metric: 'score', label: 'company',
  },
  {
    name: 'CallRecord', varName: 'callRecord', plural: 'calls', table: 'call_records',
    fields: [id('id', 'call'), str('callSid', (r) => q(`CA${r.range(100000, 999999)}`)), oneOf('direction', ['inbound', 'outbound']),
      phone('fromNumber'), phone('toNumber'), id('agentId', 'agt'), id('queueId', 'que'), num('durationSec', 900),
      str('recordingUrl', () => q('https://recordings.example.com/r/1.mp3'), 'call-recording'),
      str('disposition', () => q('resolved')), date('startedAt')],
    phone: 'fromNumber', recording: 'recordingUrl', consent: 'none', statuses: ['queued', 'ringing', 'in-progress', 'completed'],
    metric: 'durationSec', label: 'callSid',
  },
  {
    name: 'Callback', varName: 'callback', plural: 'callbacks', table: 'callbacks',
    fields: [id('id', 'cb'), id('leadId', 'lead'), phone('callbackNumber'), date('scheduledAt'), str('reason', () => q('billing question')),
      num('attempts', 4), bool('consent')],
    phone: 'callbackNumber', consent: 'consent', statuses: ['pending', 'dialing', 'done', 'failed'], metric: 'attempts', label: 'reason',
  },
  {
    name: 'Appointment', varName: 'appointment', plural: 'appointments', table: 'appointments',
    fields: [id('id', 'apt'), id('customerId', 'cus'), phone('contactNumber'), id('clinicId', 'cln'), date('startsAt'),
      bool('reminderSent'), bool('smsOptIn')],
    phone: 'contactNumber', consent: 'smsOptIn', statuses: ['booked', 'confirmed', 'cancelled'], label: 'clinicId',
  },
  {
    name: 'Subscriber', varName: 'subscriber', plural: 'subscribers', table: 'subscribers',
    fields: [id('id', 'sub'), phone('msisdn'), oneOf('plan', ['prepaid', 'postpaid', 'business']), date('activatedAt'),
      bool('doNotCall'), num('balanceCents', 50000)],
    phone: 'msisdn', consent: 'doNotCall', statuses: ['active', 'barred', 'ported'], metric: 'balanceCents', label: 'plan',
  },
  {
    name: 'Voicemail', varName: 'voicemail', plural: 'voicemails', table: 'voicemails',
    fields: [id('id', 'vm'), str('callSid', (r) => q(`CA${r.range(100000, 999999)}`)), phone('callerNumber'),
      str('recordingUrl', () => q('https://recordings.example.com/vm/1.wav'), 'call-recording'), str('transcription', () => q('please call me back')),
      num('durationSec', 180), id('mailboxId', 'mbx'), bool('listened')],
    phone: 'callerNumber', recording: 'recordingUrl', consent: 'none', statuses: ['new', 'heard', 'archived'],
    metric: 'durationSec', label: 'mailboxId',
  },
  {
    name: 'Patient', varName: 'patient', plural: 'patients', table: 'patients',
    fields: [id('id', 'pat'), personName('fullName'), date('dateOfBirth'), str('idNumber', () => q('ID-TEST-0002'), 'national-id'),
      phone('phone'), id('insurerId', 'ins'), bool('consent')],
    phone: 'phone', nationalId: 'idNumber', consent: 'consent', statuses: ['registered', 'active', 'discharged'], label: 'insurerId',
  },
  {
    name: 'Ticket', varName: 'ticket', plural: 'tickets', table: 'tickets',
    fields: [id('id', 'tkt'), id('customerId', 'cus'), str('subject', () => q('Dropped call')), oneOf('priority', ['low', 'normal', 'high']),
      oneOf('channel', ['voice', 'sms', 'email', 'chat']), id('assigneeId', 'agt'), num('reopenCount', 3)],
    consent: 'none', statuses: ['open', 'pending', 'solved'], metric: 'reopenCount', label: 'subject',
  },
  {
    name: 'Campaign', varName: 'campaign', plural: 'campaigns', table: 'campaigns',
    fields: [id('id', 'cmp'), str('name', () => q('Spring renewals')), oneOf('dialMode', ['preview', 'progressive', 'predictive']),
      num('maxAttempts', 8), num('startHour', 12), num('endHour', 24), bool('active')],
    consent: 'none', statuses: ['draft', 'running', 'paused', 'done'], metric: 'maxAttempts', label: 'name',
  },
  {
    name: 'SurveyResponse', varName: 'surveyResponse', plural: 'surveyResponses', table: 'survey_responses',
    fields: [id('id', 'srv'), str('callSid', (r) => q(`CA${r.range(100000, 999999)}`)), num('score', 10), str('comment', () => q('quick and helpful')),
      date('submittedAt')],
    consent: 'none', statuses: ['received', 'reviewed'], metric: 'score', label: 'callSid',
  },
];

export const CONTACTABLE = ENTITIES.filter((e) => e.phone !== undefined);

export type Framework = 'express' | 'fastify' | 'nest';
export type Orm = 'prisma' | 'typeorm' | 'sequelize' | 'mongoose' | 'knex' | 'pg';
export type LoggerKind = 'winston' | 'pino' | 'nest';
export type Telephony = 'twilio' | 'vonage' | 'plivo' | 'ari' | 'esl' | 'jambonz';

export const APP_NAMES = [
  'dialer-api', 'ivr-gateway', 'agent-console', 'crm-sync', 'recording-service', 'reporting', 'callback-scheduler',
  'sms-notifier', 'qa-scoring', 'campaign-manager', 'billing-ivr', 'survey-bot', 'wfm-sync', 'appointment-reminders',
  'collections-dialer', 'number-portability', 'voicemail-service', 'routing-engine', 'lead-intake', 'retention-desk',
  'supervisor-dashboard', 'outbound-campaigns', 'patient-line', 'claims-hotline', 'porting-desk', 'after-hours-router',
  'consent-hub', 'speech-analytics', 'sla-monitor', 'callback-api', 'queue-stats', 'transcription-pipeline',
  'crm-webhooks', 'number-inventory', 'dispositions', 'escalations',
];

export const LEGACY_JS_APPS = ['pbx-bridge', 'legacy-crm-hooks', 'esl-originator', 'nightly-exports', 'ami-listener',
  'asterisk-glue', 'old-ivr', 'fax-gateway', 'cdr-importer', 'legacy-dialer'];

export const TOPICS = [
  'outreach', 'reminder', 'sync', 'scoring', 'routing', 'followup', 'retention', 'collections', 'verification',
  'analytics', 'archival', 'export', 'enrichment', 'dedupe', 'scheduling', 'quality', 'escalation', 'notification',
];



export const INTERNAL_HOSTS = ['crm.corp.contoso-care.com', 'legacy-billing.contoso-care.com', 'ivr-events.contoso-care.com',
  'reports.contoso-care.com', '10.20.4.17'];

export const QUEUES = ['billing', 'support', 'sales', 'retention', 'collections', 'spanish', 'tier2', 'overflow'];

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

