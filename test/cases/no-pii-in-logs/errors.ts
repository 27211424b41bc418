// Lead lookup and KYC checks: error messages end up in logs, Sentry and API responses.
import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { maskPhone, redact } from '@acme/pii';

interface Lead {
  id: string;
  phone: string;
  passportNumber: string;
  campaignId: string;
}

class LeadNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeadNotFoundError';
  }
}

class KycValidationException extends Error {}

export class LeadDirectory {
  constructor(private readonly leads: Map<string, Lead>) {}

  findByPhone(phone: string): Lead {
    for (const lead of this.leads.values()) {
      if (lead.phone === phone) return lead;
    }
    throw new LeadNotFoundError(`no lead with phone ${phone}`); // $ Alert[no-pii-in-logs]
  }

  findByPhoneMasked(phone: string): Lead {
    for (const lead of this.leads.values()) {
      if (lead.phone === phone) return lead;
    }
    throw new LeadNotFoundError(`no lead with phone ${maskPhone(phone)}`); // safe: masked
  }

  get(id: string): Lead {
    const lead = this.leads.get(id);
    if (!lead) throw new NotFoundException(`lead ${id} not found`); // safe: identifier
    return lead;
  }

  verifyPassport(lead: Lead, scanned: string): void {
    if (scanned !== lead.passportNumber) {
      throw new KycValidationException(`passport ${scanned} does not match ${lead.passportNumber}`); // $ Alert[no-pii-in-logs]
    }
    if (!/^[A-Z0-9]{6,9}$/.test(scanned)) {
      throw new KycValidationException(`passport for lead ${lead.id} has an invalid format`); // safe: identifier
    }
  }
}

export function assertE164(phone: string): void {
  if (!phone.startsWith('+')) {
    throw new Error('Invalid phone number: expected E.164 format'); // safe: the word "phone" in a literal
  }
  if (phone.length > 16) {
    throw new RangeError(`phone number too long (${phone.length} digits)`); // safe: a length
  }
  if (/\D/.test(phone.slice(1))) {
    throw new TypeError('Invalid phone number: ' + phone); // $ Alert[no-pii-in-logs]
  }
}

export function rejectTransfer(lead: Lead, agentId: string): never {
  throw new HttpException(`cannot transfer ${lead.phone} to agent ${agentId}`, HttpStatus.CONFLICT); // $ Alert[no-pii-in-logs]
}

export function rejectTransferSafely(lead: Lead, agentId: string): never {
  throw new HttpException(`cannot transfer lead ${lead.id} to agent ${agentId}`, HttpStatus.CONFLICT); // safe: identifiers
}

export function dialTimeout(lead: Lead): Promise<never> {
  return new Promise((_resolve, reject) => {
    setTimeout(() => reject(new Error(`dial timeout for ${lead.phone}`)), 30_000); // $ Alert[no-pii-in-logs]
  });
}

export function dialTimeoutRedacted(lead: Lead): Promise<never> {
  return new Promise((_resolve, reject) => {
    setTimeout(() => reject(new Error(`dial timeout for ${redact(lead.phone)}`)), 30_000); // safe: redacted
  });
}

export function legacyFailure(lead: Lead): Error {
  // Calling Error without `new` builds the same message.
  return Error(`legacy CRM rejected ${lead.phone}`); // $ Alert[no-pii-in-logs]
}

export function legacyFailureSafe(lead: Lead): Error {
  return Error(`legacy CRM rejected lead ${lead.id} in campaign ${lead.campaignId}`); // safe: identifiers
}
