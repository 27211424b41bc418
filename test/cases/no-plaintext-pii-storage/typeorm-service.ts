// Services writing the entities of typeorm-entities.ts through repositories and the query builder.
import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { encrypt } from '@acme/crypto';
import { CallLog, Customer, Lead } from './typeorm-entities.js';

interface NewLeadDto {
  campaignId: string;
  phone: string;
  email: string;
}

interface CompletedCall {
  callSid: string;
  callerPhone: string;
  agentId: string;
  durationSec: number;
}

@Injectable()
export class LeadsService {
  constructor(
    @InjectRepository(Lead) private readonly leadRepository: Repository<Lead>,
    @InjectRepository(Customer) private readonly customerRepository: Repository<Customer>,
    private readonly dataSource: DataSource,
  ) {}

  async createLead(dto: NewLeadDto): Promise<Lead> {
    // Lead.phone has no transformer: reported once, at the column in typeorm-entities.ts, not at every write.
    return this.leadRepository.save({
      campaignId: dto.campaignId, // safe: identifier
      phone: dto.phone, // reported at the Lead.phone column
      email: dto.email, // safe: email is not a kind of this rule
    });
  }

  async createLeadEncryptedByHand(dto: NewLeadDto): Promise<Lead> {
    return this.leadRepository.save({ campaignId: dto.campaignId, phone: encrypt(dto.phone) }); // safe: encrypted before the write
  }

  async createCustomer(dto: NewLeadDto): Promise<Customer> {
    // Customer.phone is encrypted by its column transformer.
    return this.customerRepository.save({
      phone: dto.phone, // safe: encrypting transformer on Customer.phone
      phoneHmac: createHmac('sha256', process.env.LOOKUP_KEY ?? '').update(dto.phone).digest('hex'), // safe: keyed HMAC
      tier: 'standard', // safe: not PII
    });
  }

  async changeNumber(leadId: string, phone: string): Promise<void> {
    await this.leadRepository.update({ id: leadId }, { phone }); // reported at the Lead.phone column
    await this.leadRepository.update({ phone }, { isPhoneVerified: true }); // safe: phone is only the criteria
    // Lead.notes is not a PII column, so nothing else reports this number.
    await this.leadRepository.update({ id: leadId }, { notes: `number changed to ${phone}` }); // $ Alert[no-plaintext-pii-storage]
    await this.leadRepository.update({ id: leadId }, { notes: 'number changed by agent' }); // safe: no PII
  }

  async changeCustomerNumber(customerId: string, phone: string): Promise<void> {
    await this.customerRepository.update({ id: customerId }, { phone }); // safe: encrypting transformer
  }

  async logCall(call: CompletedCall): Promise<void> {
    await this.dataSource.getRepository(CallLog).insert({
      callSid: call.callSid, // safe: SID
      callerId: call.callerPhone, // reported at the CallLog.callerId column
      agentId: call.agentId, // safe: identifier
      durationSec: call.durationSec, // safe: a number
    });
  }

  async logCallInTransaction(call: CompletedCall): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(CallLog, { callSid: call.callSid, agentId: call.agentId, durationSec: call.durationSec }); // safe: no PII
      await manager.save(Lead, { campaignId: 'inbound', phone: call.callerPhone }); // reported at the Lead.phone column
      // A repository by table name: no entity in sight, so the write itself is reported.
      await manager.getRepository('inbound_callers').insert({ callSid: call.callSid, caller: call.callerPhone }); // $ Alert[no-plaintext-pii-storage]
    });
  }

  async findByPhone(phone: string): Promise<Lead | null> {
    return this.leadRepository.findOneBy({ phone }); // safe: a read
  }
}
