import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import type { Client as AriClient } from 'ari-client';
import type { Connection } from 'modesl';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { config, isDev } from './config/index.js';
import { ContactBlockedError } from './lib/compliance.js';
import { connectEsl } from './telephony/esl.js';
import { startAri } from './telephony/ari.js';
import callsRoutes from './routes/calls.js';
import exportsRoutes from './routes/exports.js';

export interface AgentClaims {
  id: string;
  extension: string;
  site: 'reno' | 'tampa' | 'dal';
  phoneModel?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    esl: Connection;
    ari: AriClient;
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    user: AgentClaims;
  }
}

export async function buildServer() {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: {
        paths: ['req.headers.authorization', 'callerNumber', '*.callerNumber', 'customer.phone', 'customer.mobile'],
        censor: '[redacted]',
      },
      transport: isDev ? { target: 'pino-pretty' } : undefined,
    },
    trustProxy: true,
    requestIdHeader: 'x-request-id',
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyJwt, { secret: config.JWT_SECRET });
  app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await request.jwtVerify();
    } catch {
      await reply.code(401).send({ error: 'unauthorized' });
    }
  });

  app.decorate('esl', await connectEsl(app.log));
  app.decorate('ari', await startAri(app.log));

  app.setErrorHandler((err, request, reply) => {
    if (err instanceof ContactBlockedError) {
      request.log.warn({ reason: err.reason }, 'dial blocked by compliance'); // safe: no-pii-in-logs — reason code only
      return reply.code(409).send({ error: 'blocked', reason: err.reason });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(err.statusCode ?? 500).send({ error: err.statusCode ? err.message : 'internal error' });
  });

  app.get('/healthz', async () => ({ ok: true }));
  await app.register(callsRoutes, { prefix: '/api/calls' });
  await app.register(exportsRoutes, { prefix: '/api/exports' });
  return app;
}

const app = await buildServer();
await app.listen({ port: config.PORT, host: '0.0.0.0' });
