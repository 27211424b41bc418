import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { E164 } from '../common/pii';

export type CallStatus =
  | 'queued'
  | 'initiated'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'canceled';

@Entity({ name: 'call_attempts' })
export class CallAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'call_sid', length: 34, nullable: true }) callSid?: string | null; // safe: no-plaintext-pii-storage — Twilio call SID

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true }) agentId?: string | null; // safe: no-plaintext-pii-storage — internal agent id

  @Column({ name: 'dialed_number', length: 20 }) dialedNumber!: E164; // expect: no-plaintext-pii-storage

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: CallStatus;

  @Column({ name: 'answered_by', length: 24, nullable: true })
  answeredBy?: string | null;

  @Column({ name: 'duration_sec', type: 'int', default: 0 })
  durationSec!: number;

  @Column({ name: 'recording_sid', length: 34, nullable: true }) recordingSid?: string | null; // safe: no-plaintext-pii-storage — Twilio resource id only

  @Column({ name: 'recording_url', type: 'text', nullable: true }) recordingUrl?: string | null; // expect: no-plaintext-pii-storage

  @Column({ name: 'attempt_no', type: 'smallint', default: 1 })
  attemptNo!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
