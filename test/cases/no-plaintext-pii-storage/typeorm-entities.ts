// TypeORM entities of the outbound platform. Phone and ID columns need an encrypting transformer.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ValueTransformer } from 'typeorm';
import { EncryptionTransformer } from 'typeorm-encrypted';
import { decrypt, encrypt } from '@acme/crypto';

const aesTransformer = new EncryptionTransformer({
  key: process.env.COLUMN_KEY ?? '',
  algorithm: 'aes-256-gcm',
  ivLength: 16,
});

export const encryptedColumn: ValueTransformer = {
  to: (value: string | null) => (value == null ? value : encrypt(value)),
  from: (value: string | null) => (value == null ? value : decrypt(value)),
};

/** Unencrypted: every number in this table is readable by anyone with a DB dump. */
@Entity('leads')
export class Lead {
  @PrimaryGeneratedColumn('uuid')
  id!: string; // safe: primary key

  @Column()
  campaignId!: string; // safe: identifier

  @Column({ length: 20 })
  phone!: string; // $ Alert[no-plaintext-pii-storage]

  @Column({ nullable: true })
  nationalId?: string; // $ Alert[no-plaintext-pii-storage]

  @Column()
  email!: string; // safe: email is not a kind of this rule

  @Column({ default: false })
  isPhoneVerified!: boolean; // safe: boolean flag

  @Column({ length: 4, nullable: true })
  phoneCountryCode?: string; // safe: a country code

  @Column({ type: 'text', nullable: true })
  notes?: string; // safe: not a PII column (what agents write into it is checked at the write)

  @CreateDateColumn()
  createdAt!: Date; // safe: timestamp
}

/** Encrypted with typeorm-encrypted or a custom transformer. */
@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id!: string; // safe: primary key

  @Column({ type: 'varchar', transformer: aesTransformer })
  phone!: string; // safe: encrypting transformer

  @Column({ type: 'varchar', nullable: true, transformer: encryptedColumn })
  passportNumber?: string; // safe: encrypting transformer

  @Index({ unique: true })
  @Column({ length: 64 })
  phoneHmac!: string; // safe: keyed HMAC lookup column

  @Column()
  tier!: 'standard' | 'priority'; // safe: not PII
}

/** Call detail records. */
@Entity('call_logs')
export class CallLog {
  @PrimaryColumn()
  callSid!: string; // safe: SID

  @Column()
  callerId!: string; // $ Alert[no-plaintext-pii-storage]

  @Column()
  agentId!: string; // safe: identifier

  @Column({ nullable: true })
  recordingUrl?: string; // $ Alert[no-plaintext-pii-storage]

  @Column({ nullable: true })
  recordingSid?: string; // safe: SID

  @Column('int')
  durationSec!: number; // safe: a number
}

/** Payments taken by agents over the phone (PCI scope). */
@Entity('phone_payments')
export class PhonePayment {
  @PrimaryGeneratedColumn()
  id!: number; // safe: primary key

  @Column()
  cardNumber!: string; // $ Alert[no-plaintext-pii-storage]

  @Column({ transformer: aesTransformer })
  cardNumberSealed!: string; // safe: encrypting transformer

  @Column()
  paymentToken!: string; // safe: a processor token
}
