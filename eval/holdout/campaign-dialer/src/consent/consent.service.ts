import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DncEntry, type DncSource } from './dnc-entry.entity';
import { Contact } from '../contacts/contact.entity';
import { maskPhone, phoneLookupKey, toE164, type E164 } from '../common/pii';

export class DoNotCallError extends Error {
  constructor(readonly reason: 'dnc' | 'no-consent' | 'unknown-contact') {
    super(`number may not be dialled (${reason})`);
    this.name = 'DoNotCallError';
  }
}

/**
 * TCPA / state mini-TCPA gatekeeping. Voice needs prior express consent and no DNC hit;
 * SMS needs an opt-in that hasn't been revoked by STOP.
 */
@Injectable()
export class ConsentService {
  private readonly logger = new Logger(ConsentService.name);

  constructor(
    @InjectRepository(DncEntry) private readonly dnc: Repository<DncEntry>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
  ) {}

  async isOnDnc(phone: E164): Promise<boolean> {
    return this.dnc.exist({ where: { numberDigest: phoneLookupKey(phone) } });
  }

  private contactFor(phone: E164): Promise<Contact | null> {
    return this.contacts.findOne({ where: { phoneLookup: phoneLookupKey(phone) } });
  }

  async canCall(phone: E164): Promise<boolean> {
    if (await this.isOnDnc(phone)) return false;
    const contact = await this.contactFor(phone);
    return Boolean(contact?.voiceOptIn);
  }

  async canText(phone: E164): Promise<boolean> {
    if (await this.isOnDnc(phone)) return false;
    const contact = await this.contactFor(phone);
    return Boolean(contact?.smsOptIn && !contact.smsOptOutAt);
  }

  /** Throws DoNotCallError when the number must not be dialled. */
  async assertDialable(phone: E164): Promise<void> {
    if (await this.isOnDnc(phone)) throw new DoNotCallError('dnc');
    const contact = await this.contactFor(phone);
    if (!contact) throw new DoNotCallError('unknown-contact');
    if (!contact.voiceOptIn) throw new DoNotCallError('no-consent');
  }

  async addToDnc(raw: string, source: DncSource): Promise<void> {
    const phone = toE164(raw);
    await this.dnc.upsert({ numberDigest: phoneLookupKey(phone), phoneNumber: phone, source }, ['numberDigest']);
    await this.contacts.update({ phoneLookup: phoneLookupKey(phone) }, { smsOptOutAt: new Date(), voiceOptIn: false });
    this.logger.log(`added ${maskPhone(phone)} to DNC (${source})`); // safe: no-pii-in-logs — masked with maskPhone
  }
}
