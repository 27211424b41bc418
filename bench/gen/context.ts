/**
 * What one generated app is made of (its stack and the modules generated so far) and the
 * helpers templates share: log calls in the app's logger style, dial/SMS calls for its
 * telephony provider, consent guards, and issue injection.
 */
import type { Prng } from './prng.js';
import type { InjectedRule, ModuleSystem, SourceFile } from './writer.js';
import type { EntitySpec, Framework, LoggerKind, Orm, Telephony } from './vocab.js';

export interface AppSpec {
  name: string;
  /** Folder of the app's sources, relative to the corpus root (e.g. apps/dialer-api/src). */
  src: string;
  lang: 'ts' | 'js';
  moduleSystem: ModuleSystem;
  localSuffix: '' | '.js';
  framework: Framework;
  orm: Orm;
  logger: LoggerKind;
  telephony: Telephony;
  entities: EntitySpec[];
  web: boolean;
  /** `layered`: services/, repositories/ …; `feature`: modules/<entity>/… */
  layout: 'layered' | 'feature';
}

export interface ServiceRef {
  path: string;
  className: string;
  entity: EntitySpec;
  /** The repository class its constructor takes. */
  repo: { path: string; className: string };
  /** Methods taking (id: string) and returning Promise<void>. */
  idMethods: string[];
  /** Methods taking (limit: number) and returning Promise<number>. */
  batchMethods: string[];
}

export type UtilSignature = 'num->str' | 'str->str' | 'nums->num' | 'num->num' | 'date->bool';

export interface UtilRef {
  path: string;
  name: string;
  sig: UtilSignature;
}

/** Paths (relative to the corpus root) of the modules every feature file may import. */
export interface AppModules {
  config: string;
  logger: string;
  mask: string;
  crypto: string;
  consent: string;
  redis: string;
  db: string;
  telephony: string;
  errors: string;
  types: Map<string, string>;
  models: Map<string, string>;
  repos: Map<string, { path: string; className: string }[]>;
  dtos: Map<string, string>;
  services: ServiceRef[];
  utils: UtilRef[];
  apiClient?: string;
  components: { path: string; name: string; entity: EntitySpec }[];
  /** Route/controller modules for the app bootstrap: export name and kind. */
  routes: { path: string; name: string }[];
  middleware?: string;
}

/** Everything a template needs: randomness, the app, its modules, and issue injection. */
export interface GenContext {
  rng: Prng;
  app: AppSpec;
  mods: AppModules;
  /** Shared package modules (TS), importable from every TS app. */
  shared: { phone: string; retry: string; dates: string; collections: string };
  /** True if this site should carry an injected problem; call once per site. */
  risk(weight?: number): boolean;
}

export type LogLevel = 'info' | 'warn' | 'error' | 'debug';

/** The logger variable to use in a file; adds the import for module-level loggers. */
export function moduleLogger(ctx: GenContext, f: SourceFile): string {
  if (ctx.app.lang === 'js' && ctx.app.logger === 'nest') return 'console';
  f.importLocal(ctx.mods.logger, 'logger');
  return 'logger';
}

/** Declares a class-level logger for Nest apps (returns `this.logger`), else the module logger. */
export function classLogger(ctx: GenContext, f: SourceFile, className: string): string {
  if (ctx.app.logger === 'nest' && f.isTs) {
    f.importNamed('@nestjs/common', 'Logger');
    f.line(`private readonly logger = new Logger(${className}.name);`);
    return 'this.logger';
  }
  return moduleLogger(ctx, f);
}

/** Emits one log statement; `fields` are [key, expression] pairs. Returns nothing. */
export function emitLog(
  ctx: GenContext,
  f: SourceFile,
  ref: string,
  level: LogLevel,
  message: string,
  fields: [string, string][],
  flagRule?: InjectedRule,
): void {
  const obj = fields.length > 0 ? `{ ${fields.map(([k, v]) => (k === v ? k : `${k}: ${v}`)).join(', ')} }` : '';
  const msg = message.replace(/'/g, "\\'");
  let text: string;
  if (ref === 'this.logger' || (ctx.app.logger === 'nest' && ref !== 'console' && f.isTs)) {
    const nestLevel = level === 'info' ? 'log' : level;
    const parts = fields.map(([k, v]) => `${k}=\${${v}}`).join(' ');
    text = parts ? `${ref}.${nestLevel}(\`${message} ${parts}\`);` : `${ref}.${nestLevel}('${msg}');`;
  } else if (ref === 'console') {
    const consoleLevel = level === 'debug' ? 'log' : level;
    text = obj ? `console.${consoleLevel}('[${ctx.app.name}] ${msg}', ${obj});` : `console.${consoleLevel}('[${ctx.app.name}] ${msg}');`;
  } else if (ctx.app.logger === 'pino' || ref.endsWith('.log')) {
    text = obj ? `${ref}.${level}(${obj}, '${msg}');` : `${ref}.${level}('${msg}');`;
  } else {
    text = obj ? `${ref}.${level}('${msg}', ${obj});` : `${ref}.${level}('${msg}');`;
  }
  f.line(text);
  if (flagRule) f.flag(flagRule);
}

/** Masked form of a phone expression, importing maskPhone. */
export function masked(ctx: GenContext, f: SourceFile, expr: string): string {
  f.importLocal(ctx.mods.mask, 'maskPhone');
  return `maskPhone(${expr})`;
}

export function encrypted(ctx: GenContext, f: SourceFile, expr: string): string {
  f.importLocal(ctx.mods.crypto, 'encryptField');
  return `encryptField(${expr})`;
}

export function hashed(ctx: GenContext, f: SourceFile, expr: string): string {
  f.importLocal(ctx.mods.crypto, 'hmacPhone');
  return `hmacPhone(${expr})`;
}

/**
 * Emits a consent guard for `v` (a record of `entity`) that returns early. With `inLoop`
 * the guard uses `continue`. Returns false if it wrote nothing (the caller decided to skip).
 */
export function emitConsentGuard(
  ctx: GenContext,
  f: SourceFile,
  entity: EntitySpec,
  v: string,
  opts: { inLoop?: boolean; logRef?: string } = {},
): void {
  const exit = opts.inLoop ? 'continue;' : 'return;';
  const phone = `${v}.${entity.phone ?? 'phone'}`;
  const style = ctx.rng.int(entity.consent === 'none' ? 3 : 5);
  if (style === 0) {
    f.importLocal(ctx.mods.consent, 'hasConsent');
    f.open(`if (!(await hasConsent(${phone}))) {`);
    if (opts.logRef) emitLog(ctx, f, opts.logRef, 'info', 'skipping contact without consent', [[`${entity.varName}Id`, `${v}.id`]]);
    f.line(exit).close();
  } else if (style === 1) {
    f.importLocal(ctx.mods.consent, 'isOnDncList');
    f.open(`if (await isOnDncList(${phone})) {`);
    if (opts.logRef) emitLog(ctx, f, opts.logRef, 'info', 'number is on the do-not-call list', [[`${entity.varName}Id`, `${v}.id`]]);
    f.line(exit).close();
  } else if (style === 2) {
    f.importLocal(ctx.mods.consent, 'assertConsent');
    if (opts.inLoop) {
      f.importLocal(ctx.mods.consent, 'hasConsent');
      f.line(`if (!(await hasConsent(${phone}))) continue;`);
    } else {
      f.line(`await assertConsent(${phone});`);
    }
  } else {
    f.line(`if (${consentBlocked(entity, v)}) ${exit}`);
  }
}

/** Expression that is true when the record must NOT be contacted (property style). */
export function consentBlocked(entity: EntitySpec, v: string): string {
  switch (entity.consent) {
    case 'consent':
      return `!${v}.consent`;
    case 'doNotCall':
      return `${v}.doNotCall`;
    case 'optedOut':
      return `${v}.optedOut`;
    case 'smsOptIn':
      return `!${v}.smsOptIn`;
    case 'none':
      return 'false';
  }
}

/** Expression that is true when the record may be contacted (for .filter callbacks). */
export function consentAllowed(entity: EntitySpec, v: string): string {
  switch (entity.consent) {
    case 'consent':
      return `${v}.consent`;
    case 'doNotCall':
      return `!${v}.doNotCall`;
    case 'optedOut':
      return `!${v}.optedOut`;
    case 'smsOptIn':
      return `${v}.smsOptIn`;
    case 'none':
      return 'true';
  }
}

/**
 * Emits an outbound call to `to` with the app's provider; `flag` marks the dialling line as
 * an injected missing-consent problem.
 */
export function emitDial(ctx: GenContext, f: SourceFile, to: string, flag: boolean, resultVar = 'call'): void {
  f.importLocal(ctx.mods.config, 'config');
  const mark = (): void => {
    if (flag) f.flag('require-consent-check');
  };
  switch (ctx.app.telephony) {
    case 'twilio':
    case 'jambonz': {
      if (ctx.app.telephony === 'twilio') {
        f.importLocal(ctx.mods.telephony, 'twilioClient');
        f.open(`const ${resultVar} = await twilioClient.calls.create({`);
        mark();
        f.line(`to: ${to},`, 'from: config.telephony.callerId,', 'url: `${config.publicBaseUrl}/voice/outbound`,');
        f.line("statusCallback: `${config.publicBaseUrl}/voice/status`,", "statusCallbackEvent: ['initiated', 'answered', 'completed'],");
        if (ctx.rng.chance(0.5)) f.line("machineDetection: 'DetectMessageEnd',");
        f.close('});');
      } else {
        f.importLocal(ctx.mods.telephony, 'jambonzClient');
        f.open(`const ${resultVar} = await jambonzClient.calls.create({`);
        mark();
        f.line('from: config.telephony.callerId,', `to: { type: 'phone', number: ${to} },`);
        f.line("call_hook: `${config.publicBaseUrl}/jambonz/outbound`,", "call_status_hook: `${config.publicBaseUrl}/jambonz/status`,");
        f.close('});');
      }
      break;
    }
    case 'vonage': {
      f.importLocal(ctx.mods.telephony, 'vonage');
      f.open(`const ${resultVar} = await vonage.voice.createOutboundCall({`);
      mark();
      f.line(`to: [{ type: 'phone', number: ${to} }],`, "from: { type: 'phone', number: config.telephony.callerId },");
      f.line('answer_url: [`${config.publicBaseUrl}/vonage/answer`],', 'event_url: [`${config.publicBaseUrl}/vonage/events`],');
      f.close('});');
      break;
    }
    case 'plivo': {
      f.importLocal(ctx.mods.telephony, 'plivoClient');
      f.open(`const ${resultVar} = await plivoClient.calls.create(`);
      mark();
      f.line('config.telephony.callerId,', `${to},`, '`${config.publicBaseUrl}/plivo/answer`,', "{ answerMethod: 'POST', timeLimit: 1800 },");
      f.close(');');
      break;
    }
    case 'ari': {
      f.importLocal(ctx.mods.telephony, 'connectAri');
      f.line('const ari = await connectAri();');
      f.open(`const ${resultVar} = await ari.channels.originate({`);
      mark();
      f.line(`endpoint: \`PJSIP/\${${to}}@carrier-trunk\`,`, "app: 'outbound-dialer',", 'callerId: config.telephony.callerId,', 'timeout: 30,');
      f.close('});');
      break;
    }
    case 'esl': {
      f.importLocal(ctx.mods.telephony, 'connectEsl');
      f.line('const esl = await connectEsl();');
      f.open(`const ${resultVar} = await esl.bgapi(`);
      mark();
      f.line(`\`originate {origination_caller_id_number=\${config.telephony.callerId},ignore_early_media=true}sofia/gateway/carrier/\${${to}} &park()\`,`);
      f.close(');');
      break;
    }
  }
}

/** Emits an outbound SMS to `to`; `flag` marks it as an injected missing-consent problem. */
export function emitSms(ctx: GenContext, f: SourceFile, to: string, body: string, flag: boolean): void {
  f.importLocal(ctx.mods.config, 'config');
  const mark = (): void => {
    if (flag) f.flag('require-consent-check');
  };
  switch (ctx.app.telephony) {
    case 'twilio':
      f.importLocal(ctx.mods.telephony, 'twilioClient');
      f.open('await twilioClient.messages.create({');
      mark();
      f.line(`to: ${to},`, 'from: config.telephony.callerId,', `body: ${body},`);
      if (ctx.rng.chance(0.4)) f.line('statusCallback: `${config.publicBaseUrl}/sms/status`,');
      f.close('});');
      break;
    case 'vonage':
      f.importLocal(ctx.mods.telephony, 'vonage');
      f.line(`await vonage.sms.send({ to: ${to}, from: config.telephony.callerId, text: ${body} });`);
      mark();
      break;
    case 'plivo':
      f.importLocal(ctx.mods.telephony, 'plivoClient');
      f.line(`await plivoClient.messages.create(config.telephony.callerId, ${to}, ${body});`);
      mark();
      break;
    default:
      f.importNamed('@aws-sdk/client-sns', 'SNSClient', 'PublishCommand');
      f.line('const sns = new SNSClient({ region: config.s3.region });');
      f.line(`await sns.send(new PublishCommand({ PhoneNumber: ${to}, Message: ${body} }));`);
      mark();
      break;
  }
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
