/** Shown in the wallboard header and in the "transfer to external line" menu. */
export interface Hotline {
  market: string;
  label: string;
  number: string;
}

export const PUBLIC_HOTLINES: Hotline[] = [
  { market: 'CN', label: '客服热线', number: '400-820-1636' }, // safe: no-hardcoded-pii — CN 400 business hotline
  { market: 'CN', label: '固话免费', number: '800-820-5517' }, // safe: no-hardcoded-pii — CN 800 freephone
  { market: 'RU', label: 'Горячая линия', number: '8 800 350-27-14' }, // safe: no-hardcoded-pii — RU 8-800 freephone
  { market: 'DE', label: 'Kundenservice', number: '0800 183 4470' }, // safe: no-hardcoded-pii — DE 0800 freephone
  { market: 'DE', label: 'Service (20 ct/Anruf)', number: '01806 22 44 77' }, // safe: no-hardcoded-pii — DE 0180 shared-cost service number
  { market: 'GB', label: 'Customer care', number: '0345 602 1180' }, // safe: no-hardcoded-pii — UK 03 non-geographic business number
  { market: 'PL', label: 'Infolinia', number: '800 702 118' }, // safe: no-hardcoded-pii — PL 800 freephone
];

/** Night rota: supervisors ring these when the platform or a carrier is down. */
export const ON_CALL = {
  platform: '+44 7853 117392', // expect: no-hardcoded-pii
  telephony: '+7 926 986-94-12', // expect: no-hardcoded-pii
  shanghaiSiteLead: '+86 150 1331 1028', // expect: no-hardcoded-pii
};

/** Carrier service numbers we never offer as a transfer target. */
export const BLOCKED_TRANSFER_TARGETS = [
  '10086', // safe: no-hardcoded-pii — China Mobile service short number
  '95588', // safe: no-hardcoded-pii — bank service short number
  '112', // safe: no-hardcoded-pii — emergency number
];
