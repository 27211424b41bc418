import { DataTypes, Model, type Optional } from 'sequelize';
import { sequelize } from './sequelize';

// ---------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------

export interface ContactAttributes {
  id: string;
  externalRef: string;
  accountId: string;
  isPrimary: boolean;
  /** encryptPhone() output; never the number itself. */
  phoneCiphertext: string;
  /** phoneHmac() of the E.164 number, for lookups and DNC joins. */
  phoneHmac: string;
  altPhone: string | null;
  phoneVerified: boolean;
  smsConsent: boolean;
  voiceConsent: boolean;
  consentUpdatedAt: Date | null;
  segment: string;
  timezone: string;
}

type ContactCreation = Optional<ContactAttributes, 'id' | 'altPhone' | 'phoneVerified' | 'consentUpdatedAt' | 'isPrimary'>;
export interface ContactInstance extends Model<ContactAttributes, ContactCreation>, ContactAttributes {
  readonly updatedAt: Date;
}

export const Contact = sequelize.define<ContactInstance>(
  'Contact',
  {
    id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
    externalRef: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    accountId: { type: DataTypes.STRING(64), allowNull: false },
    isPrimary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    phoneCiphertext: { type: DataTypes.TEXT, allowNull: false }, // safe: no-plaintext-pii-storage — holds AES-256-GCM ciphertext from encryptPhone
    phoneHmac: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    altPhone: { type: DataTypes.STRING(20), allowNull: true }, // expect: no-plaintext-pii-storage
    phoneVerified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }, // safe: no-plaintext-pii-storage — boolean flag
    smsConsent: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    voiceConsent: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    consentUpdatedAt: { type: DataTypes.DATE, allowNull: true },
    segment: { type: DataTypes.STRING(32), allowNull: false, defaultValue: 'default' },
    timezone: { type: DataTypes.STRING(40), allowNull: false, defaultValue: 'America/New_York' },
  },
  { tableName: 'contacts', underscored: true, indexes: [{ fields: ['account_id'] }, { fields: ['segment'] }] },
);

// ---------------------------------------------------------------------------
// Call log (written from the legacy dialer's disposition feed)
// ---------------------------------------------------------------------------

export interface CallLogAttributes {
  id: number;
  contactId: string | null;
  campaignId: string | null;
  direction: 'outbound' | 'inbound';
  dialedNumber: string;
  numberOfAttempts: number;
  providerCallId: string;
  disposition: string;
  durationSec: number;
}

export interface CallLogInstance extends Model<CallLogAttributes, Optional<CallLogAttributes, 'id'>>, CallLogAttributes {}

export const CallLog = sequelize.define<CallLogInstance>(
  'CallLog',
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    contactId: { type: DataTypes.UUID, allowNull: true },
    campaignId: { type: DataTypes.UUID, allowNull: true },
    direction: { type: DataTypes.ENUM('outbound', 'inbound'), allowNull: false },
    dialedNumber: { type: DataTypes.STRING(20), allowNull: false }, // expect: no-plaintext-pii-storage
    numberOfAttempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 }, // safe: no-plaintext-pii-storage — an attempt counter
    providerCallId: { type: DataTypes.STRING(64), allowNull: false },
    disposition: { type: DataTypes.STRING(32), allowNull: false },
    durationSec: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  },
  { tableName: 'call_logs', underscored: true },
);

// ---------------------------------------------------------------------------
// SMS messages, DNC list, campaigns
// ---------------------------------------------------------------------------

export interface SmsMessageAttributes {
  id: number;
  contactId: string;
  campaignId: string | null;
  provider: 'messagebird' | 'sinch';
  providerMessageId: string;
  recipientLast4: string;
  smsTemplateId: string | null;
  status: string;
}

export interface SmsMessageInstance extends Model<SmsMessageAttributes, Optional<SmsMessageAttributes, 'id'>>, SmsMessageAttributes {}

export const SmsMessage = sequelize.define<SmsMessageInstance>(
  'SmsMessage',
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    contactId: { type: DataTypes.UUID, allowNull: false },
    campaignId: { type: DataTypes.UUID, allowNull: true },
    provider: { type: DataTypes.ENUM('messagebird', 'sinch'), allowNull: false },
    providerMessageId: { type: DataTypes.STRING(64), allowNull: false },
    recipientLast4: { type: DataTypes.STRING(4), allowNull: false },
    smsTemplateId: { type: DataTypes.STRING(64), allowNull: true },
    status: { type: DataTypes.STRING(24), allowNull: false },
  },
  { tableName: 'sms_messages', underscored: true },
);

export interface DncEntryAttributes {
  phoneHmac: string;
  source: string;
  addedAt: Date;
}

export interface DncEntryInstance extends Model<DncEntryAttributes>, DncEntryAttributes {}

export const DncEntry = sequelize.define<DncEntryInstance>(
  'DncEntry',
  {
    phoneHmac: { type: DataTypes.STRING(64), primaryKey: true },
    source: { type: DataTypes.STRING(32), allowNull: false },
    addedAt: { type: DataTypes.DATE, allowNull: false },
  },
  { tableName: 'dnc_entries', underscored: true, timestamps: false },
);

export interface CampaignAttributes {
  id: string;
  name: string;
  kind: 'marketing' | 'reminder';
  segment: string;
  body: string;
  templateId: string | null;
  requiresConsent: boolean;
  status: 'draft' | 'active' | 'paused' | 'done';
}

export interface CampaignInstance extends Model<CampaignAttributes>, CampaignAttributes {}

export const Campaign = sequelize.define<CampaignInstance>(
  'Campaign',
  {
    id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
    name: { type: DataTypes.STRING(120), allowNull: false },
    kind: { type: DataTypes.ENUM('marketing', 'reminder'), allowNull: false },
    segment: { type: DataTypes.STRING(32), allowNull: false },
    body: { type: DataTypes.STRING(480), allowNull: false },
    templateId: { type: DataTypes.STRING(64), allowNull: true },
    requiresConsent: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    status: { type: DataTypes.ENUM('draft', 'active', 'paused', 'done'), allowNull: false, defaultValue: 'draft' },
  },
  { tableName: 'campaigns', underscored: true },
);
