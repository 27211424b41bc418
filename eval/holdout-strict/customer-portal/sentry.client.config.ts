import * as Sentry from '@sentry/nextjs';

const PHONE_LIKE = /\+?\d[\d\s().-]{7,}\d/g;

Sentry.init({
  dsn: process.env.NEXT_PUBLIC_SENTRY_DSN,
  environment: process.env.NEXT_PUBLIC_VERCEL_ENV ?? 'development',
  tracesSampleRate: 0.1,
  replaysSessionSampleRate: 0,
  replaysOnErrorSampleRate: 0.2,
  integrations: [Sentry.replayIntegration({ maskAllText: true, blockAllMedia: true })],
  sendDefaultPii: false,
  beforeSend(event) {
    if (event.message) event.message = event.message.replace(PHONE_LIKE, '[number]');
    if (event.request?.query_string && typeof event.request.query_string === 'string') {
      event.request.query_string = event.request.query_string.replace(PHONE_LIKE, '[number]');
    }
    return event;
  },
});
