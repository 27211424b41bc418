import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { E164 } from '../common/pii';

export type DncSource = 'customer_request' | 'federal_dnc' | 'state_dnc' | 'litigator_scrub';

@Entity({ name: 'dnc_entries' })
export class DncEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('ux_dnc_digest', { unique: true })
  @Column({ name: 'number_digest', length: 64 }) numberDigest!: string; // safe: no-plaintext-pii-storage — keyed HMAC digest

  // TODO(COMP-231): compliance export still reads this; drop once it uses number_digest
  @Column({ name: 'phone_number', length: 20 }) phoneNumber!: E164; // expect: no-plaintext-pii-storage

  @Column({ length: 20 })
  source!: DncSource;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
