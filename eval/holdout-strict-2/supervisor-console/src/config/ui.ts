/** Input placeholders for the customer search box, per market. */
export const PHONE_PLACEHOLDER: Record<string, string> = {
  CN: '138 0013 8000', // safe: no-hardcoded-pii — China Mobile's service number, the customary placeholder on CN forms
  RU: '+7 (___) ___-__-__',
  GB: '07700 900123', // safe: no-hardcoded-pii — Ofcom drama mobile range
  US: '(201) 555-0123', // safe: no-hardcoded-pii — NANP fictional 555-01xx
  DE: '+49 …',
};

export const ID_PLACEHOLDER: Record<string, string> = {
  CN: '18位身份证号',
  RU: 'СНИЛС или ИНН',
  GB: 'QQ 12 34 56 C', // safe: no-hardcoded-pii — HMRC specimen NINO
};

export const WALLBOARD_REFRESH_MS = 15_000;
export const SLA_SECONDS = { vip: 20, standard: 60 } as const;
