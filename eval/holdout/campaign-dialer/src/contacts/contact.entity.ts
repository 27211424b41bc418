import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { encryptedColumn, type E164 } from '../common/pii';

export type PhoneLineType = 'mobile' | 'landline' | 'voip' | 'unknown';

@Entity({ name: 'contacts' })
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'external_ref', length: 64 })
  externalRef!: string;

  @Column({ name: 'first_name', length: 80 })
  firstName!: string;

  @Column({ name: 'phone_e164', type: 'text', transformer: encryptedColumn }) phone!: E164; // safe: no-plaintext-pii-storage — encrypting transformer

  @Index('ux_contacts_phone_lookup', { unique: true })
  @Column({ name: 'phone_lookup', length: 64 }) phoneLookup!: string; // safe: no-plaintext-pii-storage — keyed HMAC, not the number

  // secondary number from the client's CRM file; added in the Q3 import work
  @Column({ name: 'alt_phone', length: 20, nullable: true }) altPhone?: E164 | null; // expect: no-plaintext-pii-storage

  @Column({ name: 'phone_line_type', length: 10, default: 'unknown' }) phoneLineType!: PhoneLineType; // safe: no-plaintext-pii-storage — line-type enum

  @Column({ name: 'is_phone_verified', default: false }) isPhoneVerified!: boolean; // safe: no-plaintext-pii-storage — boolean flag

  @Column({ name: 'voice_opt_in', default: false })
  voiceOptIn!: boolean;

  @Column({ name: 'sms_opt_in', default: false })
  smsOptIn!: boolean;

  @Column({ name: 'sms_opt_out_at', type: 'timestamptz', nullable: true })
  smsOptOutAt?: Date | null;

  @Column({ length: 40, default: 'America/New_York' })
  timezone!: string;

  @Column({ name: 'appointment_at', type: 'timestamptz', nullable: true })
  appointmentAt?: Date | null;

  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt?: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
