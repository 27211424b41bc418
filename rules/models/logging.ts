import type { CallSinkModel } from '../types.js';
import { global, mod, named } from './api.js';

const LEVELS = '{log,info,warn,warning,error,debug,trace,fatal,verbose,silly,http,notice,success,fail,critical,alert,emerg}';
const CHILD = `child().${LEVELS}`;

/** Where PII must not arrive unmasked: loggers, stdout, error messages. */
export const logSinks: readonly CallSinkModel[] = [
  {
    id: 'console',
    describe: 'console',
    category: 'log',
    calls: [global('console', '{log,info,warn,error,debug,trace,dir,table}')],
  },
  {
    id: 'winston',
    describe: 'winston logger',
    category: 'log',
    calls: [
      mod('winston', `createLogger().${LEVELS}`),
      mod('winston', `createLogger().${CHILD}`),
      mod('winston', `loggers.get().${LEVELS}`),
      mod('winston', LEVELS),
      // Child bindings are written with every line the child logs.
      mod('winston', 'createLogger().child'),
    ],
  },
  {
    id: 'pino',
    describe: 'pino logger',
    category: 'log',
    calls: [mod('pino', `().${LEVELS}`), mod('pino', `().${CHILD}`), mod('pino', `pino().${LEVELS}`), mod('pino', `pino().${CHILD}`), mod('pino', '().child'), mod('pino', 'pino().child')],
  },
  {
    id: 'bunyan',
    describe: 'bunyan logger',
    category: 'log',
    calls: [mod('bunyan', `createLogger().${LEVELS}`), mod('bunyan', `createLogger().${CHILD}`), mod('bunyan', 'createLogger().child')],
  },
  {
    id: 'log4js',
    describe: 'log4js logger',
    category: 'log',
    calls: [mod('log4js', `getLogger().${LEVELS}`)],
  },
  {
    id: 'debug',
    describe: 'debug logger',
    category: 'log',
    calls: [mod('debug', '()'), mod('debug', '().extend()')],
  },
  {
    id: 'loglevel',
    describe: 'loglevel logger',
    category: 'log',
    calls: [mod('loglevel', LEVELS), mod('loglevel', `getLogger().${LEVELS}`)],
  },
  {
    id: 'consola',
    describe: 'consola logger',
    category: 'log',
    calls: [mod('consola', LEVELS), mod('consola', `consola.${LEVELS}`), mod('consola', `createConsola().${LEVELS}`), mod('consola', `withTag().${LEVELS}`)],
  },
  {
    id: 'nestjs-logger',
    describe: 'NestJS Logger',
    category: 'log',
    calls: [mod('@nestjs/common', `new Logger().${LEVELS}`), mod('@nestjs/common', `Logger.${LEVELS}`)],
  },
  {
    id: 'fastify-logger',
    describe: 'fastify logger',
    category: 'log',
    calls: [named('^(request|req|reply|res|fastify|app|server|instance)$', `log.${LEVELS}`)],
  },
  {
    // hapi: request.log(tags, data), server.log(tags, data); the tags are labels, the data is logged.
    id: 'hapi-log',
    describe: 'hapi log',
    category: 'log',
    calls: [named('^(request|req|server)$', 'log')],
    args: [1],
  },
  {
    id: 'logger-by-name',
    describe: 'logger',
    category: 'log',
    calls: [named('^(_?logger|_?log|\\w*Logger|\\w*Log|logging|LOGGER)$', LEVELS), named('^(_?logger|\\w*Logger)$', 'child')],
  },
  {
    id: 'morgan-token',
    describe: 'morgan access-log token',
    category: 'log',
    calls: [mod('morgan', 'token'), named('^morgan$', 'token')],
    args: [1],
    callbackReturn: true,
  },
  {
    id: 'stdout',
    describe: 'process output',
    category: 'log',
    calls: [global('process', '{stdout,stderr}.write')],
  },
  {
    id: 'error-message',
    describe: 'error message',
    category: 'log',
    construct: true,
    calls: [global('Error', 'new()'), named('^[A-Z]\\w*(Error|Exception)$', '')],
    args: [0],
  },
  {
    id: 'error-call',
    describe: 'error message',
    category: 'log',
    calls: [global('Error', '')],
    args: [0],
  },
];
