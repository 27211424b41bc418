// UAT seed identities for the RU/KZ onboarding flow. Each entry states its document kind next to the value;
// the pilot entries were copied from real applications, the demo ones were made up to fail validation.
type IdKind = 'ru_inn' | 'ru_snils' | 'order_ref' | 'contract';

interface SeedId {
  kind: IdKind;
  value: string;
}

export const SEED_IDS: Record<string, SeedId> = {
  pilot_inn: { kind: 'ru_inn', value: '502618930084' }, // $ Alert[no-hardcoded-pii]
  demo_inn: { kind: 'ru_inn', value: '502618930085' }, // safe: INN check digits fail
  pilot_snils: { kind: 'ru_snils', value: '318-204-567 52' }, // $ Alert[no-hardcoded-pii]
  demo_order: { kind: 'order_ref', value: '502618930084' }, // safe: same digits, but the kind says it is an order reference
  demo_contract: { kind: 'contract', value: '7707083893' }, // safe: a valid INN checksum by coincidence, stated to be a contract number
};

export const TAXPAYER_FIXTURES = {
  taxpayer: { value: '502618930158', region: '50' }, // $ Alert[no-hardcoded-pii]
  invoice: { value: '502618930158', region: '50' }, // safe: an invoice number, nothing says INN
};
