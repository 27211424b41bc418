import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Repository } from 'typeorm';
import { Contact } from './contact.entity';
import { maskPhone, phoneLookupKey, toE164, type E164 } from '../common/pii';

/** One row of the client's nightly contact file (CSV converted to JSON upstream). */
export class ImportRowDto {
  @IsString() @Length(1, 64) externalRef!: string;
  @IsString() @Length(1, 80) firstName!: string;
  @IsString() phone!: string;
  @IsOptional() @IsString() altPhone?: string;
  @IsIn(['Y', 'N']) voiceOptIn!: 'Y' | 'N';
  @IsIn(['Y', 'N']) smsOptIn!: 'Y' | 'N';
  @IsOptional() @IsString() timezone?: string;
  @IsOptional() @IsString() appointmentAt?: string;
}

export interface ImportSummary {
  imported: number;
  skipped: number;
  failedRefs: string[];
}

@Injectable()
export class ContactsService {
  private readonly logger = new Logger(ContactsService.name);

  constructor(@InjectRepository(Contact) private readonly contacts: Repository<Contact>) {}

  async getById(id: string): Promise<Contact> {
    return this.contacts.findOneByOrFail({ id });
  }

  async findByPhone(phone: E164): Promise<Contact | null> {
    return this.contacts.findOne({ where: { phoneLookup: phoneLookupKey(phone) } });
  }

  async requireByPhone(raw: string): Promise<Contact> {
    const phone = toE164(raw);
    const contact = await this.findByPhone(phone);
    if (!contact) {
      throw new Error(`No contact on file for ${phone}`); // expect: no-pii-in-logs
    }
    return contact;
  }

  private async importRow(row: ImportRowDto): Promise<'imported' | 'skipped'> {
    const phone = toE164(row.phone);
    const existing = await this.findByPhone(phone);
    if (existing) {
      this.logger.debug(`import: ${row.externalRef} already present as ${existing.id} (${maskPhone(phone)})`); // safe: no-pii-in-logs — masked with maskPhone
      return 'skipped';
    }

    const contact = this.contacts.create({
      externalRef: row.externalRef,
      firstName: row.firstName,
      phone, // safe: no-plaintext-pii-storage — column encrypts via transformer
      phoneLookup: phoneLookupKey(phone),
      altPhone: row.altPhone ? toE164(row.altPhone) : null,
      voiceOptIn: row.voiceOptIn === 'Y',
      smsOptIn: row.smsOptIn === 'Y',
      timezone: row.timezone || 'America/New_York',
      appointmentAt: row.appointmentAt ? new Date(row.appointmentAt) : null,
    });
    await this.contacts.save(contact);
    return 'imported';
  }

  async importBatch(rows: ImportRowDto[]): Promise<ImportSummary> {
    const summary: ImportSummary = { imported: 0, skipped: 0, failedRefs: [] };
    for (const row of rows) {
      try {
        const outcome = await this.importRow(row);
        summary[outcome] += 1;
      } catch (err) {
        this.logger.warn(`import failed for ${row.externalRef} (${row.phone}): ${(err as Error).message}`); // expect: no-pii-in-logs
        summary.failedRefs.push(row.externalRef);
      }
    }
    this.logger.log(
      `import done: ${summary.imported} imported, ${summary.skipped} skipped, ${summary.failedRefs.length} failed`, // safe: no-pii-in-logs — counts only
    );
    return summary;
  }

  async reschedule(id: string, appointmentAt: Date): Promise<Contact> {
    await this.contacts.update(id, { appointmentAt, reminderSentAt: null });
    return this.getById(id);
  }

  async markVerified(id: string, lineType: Contact['phoneLineType']): Promise<void> {
    await this.contacts.update(id, { isPhoneVerified: true, phoneLineType: lineType });
    this.logger.log({ msg: 'phone verified', contactId: id, isPhoneVerified: true, phoneLineType: lineType }); // safe: no-pii-in-logs — flags and enum only
  }
}
