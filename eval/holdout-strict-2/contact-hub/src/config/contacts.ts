import type { Market } from '../types';

/**
 * Published customer hotlines, printed on the clients' websites and invoices.
 * Used by the IVR ("call us back on …") and the SMS templates.
 */
export const HOTLINES: Record<Market, string> = {
  CN: '+864008201636', // safe: no-hardcoded-pii — CN 400 business hotline
  RU: '+78003502714', // safe: no-hardcoded-pii — RU 8-800 freephone
  KZ: '+78000804545', // safe: no-hardcoded-pii — KZ 8-800-080 freephone
  DE: '+498001834470', // safe: no-hardcoded-pii — DE 0800 freephone
  PL: '+48800702118', // safe: no-hardcoded-pii — PL 800 freephone
  GB: '+448081640937', // safe: no-hardcoded-pii — UK 0808 freephone
  US: '+18886324117', // safe: no-hardcoded-pii — US 888 toll-free
};

/** Secondary lines some clients insisted on keeping. */
export const SECONDARY_LINES = {
  deServiceLine: '+491806224477', // safe: no-hardcoded-pii — DE 0180 6 shared-cost service number
  intlFreephone: '+80062467200', // safe: no-hardcoded-pii — ITU universal international freephone (+800)
  cnSmsPort: '1069028812345', // safe: no-hardcoded-pii — CN 1069 SMS service port, not a mobile
};

export type Site = 'shanghai' | 'moscow' | 'warsaw' | 'berlin';

/** Who gets @-mentioned in WeCom / Telegram when a site's queue breaches its SLA at night. */
export const ESCALATION: Record<Site, { team: string; mobile: string }> = {
  shanghai: {
    team: 'sh-duty',
    mobile: '+86 139 0424 4485', // expect: no-hardcoded-pii
  },
  moscow: {
    team: 'msk-duty',
    mobile: '+7 916 799-25-06', // expect: no-hardcoded-pii
  },
  warsaw: {
    team: 'waw-duty',
    mobile: '+48 501 343 508', // expect: no-hardcoded-pii
  },
  berlin: {
    team: 'ber-duty',
    mobile: '+49 170 3884094', // expect: no-hardcoded-pii
  },
};
