import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encryptedColumn } from '../lib/crypto.js';
import type { ContactChannel, LeadStatus } from '../types.js';

@Entity('leads')
export class LeadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column()
  campaignId!: string;

  @Column()
  firstName!: string;

  // Ciphertext at rest; look leads up by phoneBlindIndex instead.
  @Column({ type: 'text', transformer: encryptedColumn })
  phone!: string;

  @Index({ unique: true })
  @Column({ length: 64 })
  phoneBlindIndex!: string;

  @Column({ length: 4 })
  phoneCountryCode!: string;

  @Column({ default: false })
  isPhoneVerified!: boolean;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ default: false })
  consent!: boolean;

  @Column({ default: false })
  doNotCall!: boolean;

  @Column({ type: 'varchar', default: 'new' })
  status!: LeadStatus;

  @Column({ default: 0 })
  attempts!: number;

  @Column()
  timezone!: string;

  /** Accounts opened before 2021 also live in the old on-prem CRM. */
  @Column({ default: false })
  legacyAccount!: boolean;

  @UpdateDateColumn()
  updatedAt!: Date;
}

/** Prior express consent, one row per number and channel; revoked rows are kept as evidence. */
@Entity('consent_records')
export class ConsentRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ length: 64 })
  phoneBlindIndex!: string;

  @Column({ type: 'varchar' })
  channel!: ContactChannel;

  /** Where consent was captured: web form URL, IVR call SID, signed paper form id. */
  @Column()
  source!: string;

  @CreateDateColumn()
  capturedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedVia!: string | null;
}

@Entity('call_records')
export class CallRecordEntity {
  @PrimaryColumn()
  callSid!: string;

  @Column({ type: 'varchar' })
  direction!: 'inbound' | 'outbound';

  @Column({ type: 'text', nullable: true })
  agentId!: string | null;

  @Column({ type: 'text', nullable: true })
  leadId!: string | null;

  @Index()
  @Column({ length: 64 })
  callerBlindIndex!: string;

  @Column({ type: 'text', nullable: true })
  recordingSid!: string | null;

  /** Object key of the archived recording in the KMS-encrypted bucket. */
  @Column({ type: 'text', nullable: true })
  s3Key!: string | null;

  @Column({ default: 0 })
  durationSeconds!: number;

  @CreateDateColumn()
  startedAt!: Date;
}

/** "Press 3 for a callback", "text CALL", and callbacks agents book during a call. */
@Entity('callback_requests')
export class CallbackRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  accountId!: string | null;

  @Column()
  phone!: string; // $ Alert[no-plaintext-pii-storage]

  /** 'general', 'billing', 'sms-callback' or 'agent-booked'. */
  @Column()
  queue!: string;

  @Column({ type: 'varchar', default: 'pending' })
  status!: 'pending' | 'dialled' | 'cancelled';

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @CreateDateColumn()
  requestedAt!: Date;
}
