/** Injected by the Vite build (import.meta.env) with safe defaults for local dev. */
export interface RuntimeConfig {
  apiBase: string;
  crmBaseUrl: string;
  recordingsBaseUrl: string;
  matomoUrl: string;
  matomoSiteId: string;
  gtmId: string;
  hotjarId: number;
  logRocketAppId: string;
  fullStoryOrg: string;
  sentryDsn: string;
}

export const runtime: RuntimeConfig = {
  apiBase: import.meta.env.VITE_API_BASE ?? '/api',
  crmBaseUrl: import.meta.env.VITE_CRM_BASE_URL ?? 'https://crm.polaris-contact.eu',
  recordingsBaseUrl: import.meta.env.VITE_RECORDINGS_URL ?? 'https://recordings.polaris-contact.eu',
  matomoUrl: 'https://stats.polaris-contact.eu',
  matomoSiteId: '7',
  gtmId: 'GTM-K7P2QX9',
  hotjarId: 3813274,
  logRocketAppId: 'polaris/supervisor-console',
  fullStoryOrg: 'o-1RQ7ZB-na1',
  sentryDsn: import.meta.env.VITE_SENTRY_DSN ?? '',
};
