// Russian subscriber onboarding for the Kazan contact centre: phone, SNILS and INN checks (152-FZ).
import { Injectable } from '@nestjs/common';

interface RuSubscriber {
  accountId: string;
  fio: string;
  phone: string;
  snils: string;
  inn: string;
}

// A subscriber a developer used while reproducing an onboarding bug.
const reproSubscriber: RuSubscriber = {
  accountId: 'acc_7731',
  fio: 'Ivanova A. S.',
  phone: '+7 903 718-26-45', // $ Alert[no-hardcoded-pii]
  snils: '204-771-836 62', // $ Alert[no-hardcoded-pii]
  inn: '771402816556', // $ Alert[no-hardcoded-pii]
};

const escalationContact = { nomer_telefona: '8 (985) 214-73-09', taxId: '165438192708' }; // $ Alert[no-hardcoded-pii]
const inn = '1655090230'; // $ Alert[no-hardcoded-pii]

// Look-alikes that must stay silent.
const brokenSnils = '204-771-836 63'; // safe: wrong SNILS checksum
const brokenInn = { inn: '771402816557' }; // safe: wrong INN check digits
const contractNumber = '165438192708'; // safe: valid INN digits, but nothing says it is an INN
const deployedAt = '1718445600'; // safe: a Unix timestamp (passes the INN checksum by chance)
const companyOgrn = '1027700132195'; // safe: a company registration number
const allNines = '+7 999 999 99 99'; // safe: one digit repeated
const maskedPhone = '+7 ••• •••-••-45'; // safe: masked form
const tariffCode = '2024-Q3-115'; // safe: a tariff label

@Injectable()
export class OnboardingService {
  private readonly allowlist = new Set<string>([reproSubscriber.inn, escalationContact.taxId, inn]);

  checkSnils(snils: string): boolean {
    const digits = snils.replace(/\D/g, '');
    if (digits.length !== 11) return false;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
    const control = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
    return control === Number(digits.slice(9));
  }

  isAllowlisted(taxId: string): boolean {
    return this.allowlist.has(taxId);
  }

  debugValues(): unknown[] {
    return [brokenSnils, brokenInn, contractNumber, deployedAt, companyOgrn, allNines, maskedPhone, tariffCode];
  }
}
