import 'reflect-metadata';
import tracer from 'dd-trace';
tracer.init({ service: 'voice-backend', logInjection: false, runtimeMetrics: true });

import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import * as Sentry from '@sentry/node';
import Bugsnag from '@bugsnag/js';
import { AppModule } from './app.module';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  environment: process.env.NODE_ENV ?? 'development',
  tracesSampleRate: 0.05,
  sendDefaultPii: false,
});

Bugsnag.start({
  apiKey: process.env.BUGSNAG_API_KEY ?? '',
  releaseStage: process.env.NODE_ENV ?? 'development',
  redactedKeys: ['authorization', 'cookie', /token/i],
});

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useBodyParser('urlencoded', { extended: false });
  app.enableShutdownHooks();
  app.set('trust proxy', 1);
  await app.listen(Number(process.env.PORT ?? 3000));
}

void bootstrap();
