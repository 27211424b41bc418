/**
 * UAT seed. `demo_*` rows are synthetic. The `pilot_*` rows were copied from the 2023
 * Shanghai/Moscow pilot export "because the CRM sandbox needs realistic data" (OPS-1182: replace them).
 * Read by the infra repo's UAT seeding job.
 */
import type { IdKind, Market } from '../types';

export const UAT_PHONES: Record<string, { market: Market; phone: string }> = {
  demo_us_1: { market: 'US', phone: '+1 (202) 555-0164' }, // safe: no-hardcoded-pii — NANP fictional 555-01xx
  demo_us_2: { market: 'US', phone: '+13125550119' }, // safe: no-hardcoded-pii — NANP fictional 555-01xx
  demo_gb_1: { market: 'GB', phone: '+44 7700 900461' }, // safe: no-hardcoded-pii — Ofcom drama mobile range
  demo_gb_2: { market: 'GB', phone: '020 7946 0718' }, // safe: no-hardcoded-pii — Ofcom drama London range
  demo_cn_1: { market: 'CN', phone: '138****0306' }, // safe: no-hardcoded-pii — masked
  demo_ru_1: { market: 'RU', phone: '+7 9** ***-68-69' }, // safe: no-hardcoded-pii — masked
  pilot_cn_1: { market: 'CN', phone: '+86 186 6556 0306' }, // expect: no-hardcoded-pii
  pilot_cn_2: { market: 'CN', phone: '13795612522' }, // expect: no-hardcoded-pii
  pilot_ru_1: { market: 'RU', phone: '+7 985 854-68-69' }, // expect: no-hardcoded-pii
  pilot_ru_2: { market: 'RU', phone: '8 (903) 601-05-43' }, // expect: no-hardcoded-pii
  pilot_de_1: { market: 'DE', phone: '+49 1521 5183796' }, // expect: no-hardcoded-pii
  pilot_us_1: { market: 'US', phone: '+1 646 314 2859' }, // expect: no-hardcoded-pii
};

export const UAT_IDS: Record<string, { kind: IdKind; value: string }> = {
  demo_cn_1: { kind: 'cn_resident', value: '110105198704174165' }, // safe: no-hardcoded-pii — wrong check digit
  demo_ru_1: { kind: 'ru_snils', value: '334-375-553 78' }, // safe: no-hardcoded-pii — SNILS checksum fails
  demo_ru_2: { kind: 'ru_inn', value: '774739158445' }, // safe: no-hardcoded-pii — INN check digit fails
  demo_us_1: { kind: 'us_ssn', value: '000-48-2315' }, // safe: no-hardcoded-pii — area 000 is never issued
  demo_gb_1: { kind: 'uk_nino', value: 'QQ 12 34 56 C' }, // safe: no-hardcoded-pii — HMRC specimen prefix QQ
  pilot_cn_1: { kind: 'cn_resident', value: '110105198704174164' }, // expect: no-hardcoded-pii
  pilot_ru_1: { kind: 'ru_inn', value: '774739158444' }, // expect: no-hardcoded-pii
  pilot_ru_2: { kind: 'ru_snils', value: '334-375-553 79' }, // expect: no-hardcoded-pii
  pilot_us_1: { kind: 'us_ssn', value: '588-35-4480' }, // expect: no-hardcoded-pii
  pilot_gb_1: { kind: 'uk_nino', value: 'TM 28 01 46 C' }, // expect: no-hardcoded-pii
};

/** MOTO flows in UAT. */
export const UAT_CARDS: Record<string, string> = {
  demo_visa_bad: '4939 2554 2567 2408', // safe: no-hardcoded-pii — fails Luhn (tests the validation error)
  pilot_mir: '2202 8014 7515 5308', // expect: no-hardcoded-pii
  pilot_unionpay: '6212261121639830929', // expect: no-hardcoded-pii
};

export const UAT_ORDER_IDS = [
  '20240611093015427', // safe: no-hardcoded-pii — timestamp-based order id
  'PC-2024-0001187', // safe: no-hardcoded-pii — order reference
];
