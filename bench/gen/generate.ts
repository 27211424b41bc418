/**
 * Plans a monorepo of call-center apps and renders every file in memory. Deterministic:
 * all choices come from one seeded Prng, in a fixed order.
 */
import type { AppModules, AppSpec, GenContext, ServiceRef } from './context.js';
import { cap } from './context.js';
import { Prng } from './prng.js';
import type { InjectedIssue, InjectedRule, ModuleSystem, RenderedFile, VendorSink } from './writer.js';
import { SourceFile } from './writer.js';
import type { EntitySpec, Framework, LoggerKind, Orm, Telephony } from './vocab.js';
import { APP_NAMES, CONTACTABLE, ENTITIES, LEGACY_JS_APPS, TOPICS, kebab } from './vocab.js';
import {
  writeConfig, writeConsent, writeCrypto, writeDb, writeErrors, writeLogger, writeMask, writeRedis, writeSharedPackage,
  writeTelephony,
} from './templates/foundation.js';
import { modelPath, writeDto, writeEntityTypes, writeModel } from './templates/model.js';
import { writeRepository } from './templates/repository.js';
import { writeService } from './templates/service.js';
import { writeBootstrap, writeMiddleware, writeRoutes } from './templates/http.js';
import { writeAriApp, writeCron, writeEslListener, writeQueueWorker, writeSqsConsumer } from './templates/worker.js';
import { writeIvr } from './templates/ivr.js';
import { writeUtils } from './templates/util.js';
import { writeApiClient, writeCard, writeDispositionForm, writeHook, writePage, writeSoftphone, writeTable, writeWebApp } from './templates/web.js';
import { writeCjsConfig, writeMigration, writeReport, writeScenarios, writeScript } from './templates/misc.js';
import { renderSupportFiles } from './support.js';

/**
 * Bump when templates change: it is recorded in stamps and results so numbers measured on
 * different corpora are not compared by mistake (reuse itself is decided by content hash).
 */
export const GENERATOR_VERSION = 1;

export interface CorpusOptions {
  /** Minimum number of source lines (TS + JS) to generate. Default 200,000. */
  targetLines?: number;
  seed?: number;
  /** Approximate number of source files; sets the mean file size. Default targetLines / 100. */
  fileCount?: number;
  /** Scales how often problems are injected (1 = about one per 100–300 lines). */
  issueRate?: number;
}

export interface CorpusFileIssues {
  path: string;
  issues: InjectedIssue[];
}

export interface CorpusSummary {
  generatorVersion: number;
  seed: number;
  targetLines: number;
  fileCountHint: number;
  issueRate: number;
  sourceFiles: number;
  sourceLines: number;
  byExtension: Record<string, { files: number; lines: number }>;
  apps: number;
  injected: { total: number; byRule: Record<InjectedRule, number> };
}

export interface BuiltCorpus {
  /** Every file to write, keyed by path relative to the corpus root, in sorted order. */
  files: Map<string, string>;
  summary: CorpusSummary;
  injected: CorpusFileIssues[];
}

class VendorRegistry implements VendorSink {
  readonly modules = new Map<string, { names: Set<string>; hasDefault: boolean }>();

  useVendor(specifier: string, names: readonly string[], withDefault: boolean): void {
    let entry = this.modules.get(specifier);
    if (!entry) {
      entry = { names: new Set(), hasDefault: false };
      this.modules.set(specifier, entry);
    }
    for (const n of names) entry.names.add(n);
    if (withDefault) entry.hasDefault = true;
  }
}

interface WebParts {
  hook?: [string, string];
  card?: [string, string];
  table?: [string, string];
  form?: [string, string];
  phone?: [string, string];
  done?: boolean;
}

type FoundationKey = 'config' | 'logger' | 'errors' | 'mask' | 'crypto' | 'consent' | 'redis' | 'db' | 'telephony';

/** Base probability that one risk site carries a problem, before per-site weights. */
const BASE_RISK = 0.28;

export function buildCorpus(options: CorpusOptions = {}): BuiltCorpus {
  const targetLines = options.targetLines ?? 200_000;
  const seed = options.seed ?? 1;
  const fileCountHint = options.fileCount ?? Math.max(1, Math.round(targetLines / 100));
  const issueRate = options.issueRate ?? 1;
  const rng = new Prng(seed);
  const vendors = new VendorRegistry();
  const rendered: RenderedFile[] = [];
  const paths = new Set<string>();
  let totalLines = 0;
  let jsLines = 0;
  /**
   * Target size for one feature file: log-normal-ish around the mean size still needed to
   * land near fileCountHint files (foundation files are small, so feature files make up).
   */
  const sampleSize = (): number => {
    const filesLeft = fileCountHint - rendered.length;
    // Near or past the hint, fall back to the plain average instead of chasing it.
    const wanted = filesLeft > fileCountHint * 0.05 ? (targetLines - totalLines) / filesLeft : targetLines / fileCountHint;
    const mean = Math.min(400, Math.max(40, wanted));
    const normal = (rng.float() + rng.float() + rng.float() + rng.float() - 2) * 1.2;
    const size = mean * Math.exp(normal * 0.5);
    const cap = Math.max(300, 1.5 * (targetLines / fileCountHint));
    return Math.round(Math.min(cap, Math.max(Math.min(50, mean * 0.5), size)));
  };

  const uniquePath = (path: string): string => {
    if (!paths.has(path)) return path;
    const m = /^(.*?)(\.[a-z.]+)$/.exec(path);
    const stem = m?.[1] ?? path;
    const ext = m?.[2] ?? '';
    for (let i = 2; ; i++) {
      const candidate = `${stem}-${i}${ext}`;
      if (!paths.has(candidate)) return candidate;
    }
  };

  const commit = (f: SourceFile): RenderedFile => {
    const out = f.render();
    rendered.push(out);
    totalLines += out.lines;
    if (f.lang === 'js') jsLines += out.lines;
    return out;
  };

  const open = (path: string, moduleSystem: ModuleSystem, suffix: '' | '.js'): SourceFile => {
    const unique = uniquePath(path);
    paths.add(unique);
    return new SourceFile(unique, moduleSystem, suffix, vendors);
  };

  // The shared package, imported by every TS app.
  const sharedFiles: SourceFile[] = [];
  const shared = writeSharedPackage((p) => {
    const f = open(p, 'esm', '');
    sharedFiles.push(f);
    return f;
  }, 'packages/shared/src');
  for (const f of sharedFiles) commit(f);

  const usedAppNames = new Set<string>();
  // About 85 files per app, so the number of (small) foundation files tracks the hint.
  const appBudgetMean = Math.min(20_000, Math.max(2500, targetLines / Math.max(2, fileCountHint / 85)));
  let appIndex = 0;
  while (totalLines < targetLines) {
    const remaining = targetLines - totalLines;
    const wantJs = appIndex > 0 && jsLines / Math.max(1, totalLines) < 0.2 && rng.chance(0.6);
    const budget = Math.min(remaining + 300, Math.round(appBudgetMean * (0.5 + rng.float())));
    const spec = planApp(rng, appIndex, wantJs, usedAppNames);
    appIndex++;
    const appStart = totalLines;
    generateApp(spec, () => totalLines - appStart >= budget || totalLines >= targetLines + 300);
  }

  function generateApp(spec: AppSpec, spent: () => boolean): void {
    const mods: AppModules = {
      config: '', logger: '', mask: '', crypto: '', consent: '', redis: '', db: '', telephony: '', errors: '',
      types: new Map(), models: new Map(), repos: new Map(), dtos: new Map(), services: [], utils: [], components: [], routes: [],
    };
    const ctx: GenContext = {
      rng,
      app: spec,
      mods,
      shared,
      risk: (weight = 1) => rng.chance(Math.min(0.9, BASE_RISK * weight * issueRate)),
    };
    const ext = spec.lang === 'ts' ? '.ts' : '.js';
    const file = (rel: string, override?: { ms?: ModuleSystem; ext?: string }): SourceFile =>
      open(`${spec.src}/${rel}${override?.ext ?? ext}`, override?.ms ?? spec.moduleSystem, spec.localSuffix);
    /** Entity-specific files: by layer, or grouped per entity in feature layout. */
    const entityFile = (entity: EntitySpec, layer: string, name: string): SourceFile =>
      file(spec.layout === 'feature' ? `modules/${kebab(entity.name)}/${name}` : `${layer}/${name}`);

    // Foundation modules, in dependency order.
    const foundation: [FoundationKey, string, (c: GenContext, f: SourceFile) => void][] = [
      ['config', 'config/index', writeConfig],
      ['logger', 'lib/logger', writeLogger],
      ['errors', 'lib/errors', writeErrors],
      ['mask', 'lib/mask', writeMask],
      ['crypto', 'lib/crypto', writeCrypto],
      ['consent', 'lib/consent', writeConsent],
      ['redis', 'lib/redis', writeRedis],
      ['db', 'lib/db', writeDb],
      ['telephony', 'lib/telephony', writeTelephony],
    ];
    for (const [key, rel, write] of foundation) {
      const f = file(rel);
      mods[key] = f.path;
      write(ctx, f);
      commit(f);
    }
    for (const entity of spec.entities) {
      if (spec.lang === 'ts') {
        const f = spec.layout === 'feature' ? entityFile(entity, 'types', `${kebab(entity.name)}.types`) : file(`types/${kebab(entity.name)}`);
        writeEntityTypes(ctx, f, entity);
        mods.types.set(entity.name, commit(f).path);
      }
      if (spec.orm === 'typeorm' || spec.orm === 'sequelize' || spec.orm === 'mongoose') {
        const f = open(modelPath(spec.src, spec.orm, entity, ext), spec.moduleSystem, spec.localSuffix);
        writeModel(ctx, f, entity);
        mods.models.set(entity.name, commit(f).path);
      }
    }
    for (const entity of spec.entities) {
      const f = entityFile(entity, 'repositories', `${kebab(entity.name)}.repository`);
      const { className } = writeRepository(ctx, f, entity, 0);
      mods.repos.set(entity.name, [{ path: commit(f).path, className }]);
      if (spec.lang === 'ts' && rng.chance(0.6)) {
        const dto = entityFile(entity, 'dto', `${kebab(entity.name)}.dto`);
        writeDto(ctx, dto, entity);
        mods.dtos.set(entity.name, commit(dto).path);
      }
    }

    // Feature files until the app's budget is spent. Each kind has a cap so names stay distinct.
    const webParts = new Map<string, WebParts>();
    const pickEntity = (needPhone = false): EntitySpec => {
      const pool = spec.entities.filter((e) => !needPhone || e.phone);
      return rng.pick(pool.length > 0 ? pool : spec.entities);
    };
    const recentServices = (n: number): ServiceRef[] => rng.sample(mods.services.slice(-6), n);
    const taken = new Set<string>();
    /** Claims a distinct name for a kind of file; null when the pool is used up. */
    const claim = (kind: string, options: readonly string[]): string | null => {
      const free = options.filter((o) => !taken.has(`${kind}:${o}`));
      if (free.length === 0) return null;
      const choice = rng.pick(free);
      taken.add(`${kind}:${choice}`);
      return choice;
    };
    const counts = new Map<string, number>();
    const bump = (kind: string): number => {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      return n;
    };
    let guard = 0;
    while (!spent() && guard++ < 400) {
      const serviceCount = mods.services.length;
      const kinds: [string, number][] = [
        ['service', serviceCount < 2 ? 20 : 5],
        ['routes', serviceCount > 0 ? 2.5 : 0],
        ['worker', serviceCount > 0 ? 1.5 : 0],
        ['cron', serviceCount > 1 && (counts.get('cron') ?? 0) < 2 ? 0.5 : 0],
        ['sqs', serviceCount > 0 && spec.lang === 'ts' ? 0.4 : 0],
        ['ivr', 1],
        ['utils', mods.utils.length < 4 ? 2 : 0.8],
        ['report', mods.utils.some((u) => u.sig === 'nums->num') ? 0.8 : 0],
        ['scenarios', serviceCount > 0 ? 1.5 : 0],
        ['web', spec.web ? 3.5 : 0],
        ['migration', spec.orm === 'knex' ? 0.4 : 0],
        ['script', 0.35],
        ['ari', spec.telephony === 'ari' && (counts.get('ari') ?? 0) < 2 ? 0.6 : 0],
        ['esl', spec.telephony === 'esl' && (counts.get('esl') ?? 0) < 2 ? 0.6 : 0],
      ];
      const kind = rng.weighted(kinds);
      const size = sampleSize();
      switch (kind) {
        case 'service': {
          const entity = pickEntity(rng.chance(0.7));
          const topic = claim(`service-${entity.name}`, TOPICS);
          if (!topic) break;
          const className = `${entity.name}${cap(topic)}Service`;
          const f = entityFile(entity, 'services', `${kebab(entity.name)}-${topic}.service`);
          mods.services.push(writeService(ctx, f, entity, className, size));
          commit(f);
          break;
        }
        case 'routes': {
          const services = recentServices(rng.range(1, 2));
          const first = services[0];
          if (!first) break;
          const topic = claim(`routes-${first.entity.name}`, TOPICS);
          if (!topic) break;
          const fw: Framework = spec.lang === 'ts' ? spec.framework : 'express';
          const base = `${first.entity.varName}${cap(topic)}`;
          const exportName = fw === 'nest' ? `${cap(base)}Controller` : fw === 'fastify' ? `register${cap(base)}Routes` : `${base}Router`;
          const f = entityFile(first.entity, fw === 'nest' ? 'controllers' : 'routes', `${kebab(base)}.${fw === 'nest' ? 'controller' : 'routes'}`);
          writeRoutes(ctx, f, services, exportName, size);
          mods.routes.push({ path: commit(f).path, name: exportName });
          break;
        }
        case 'worker': {
          const ref = rng.pick(mods.services);
          if (!claim('worker', [ref.className])) break;
          const f = file(`workers/${kebab(ref.className.replace(/Service$/, ''))}.worker`);
          writeQueueWorker(ctx, f, ref, size);
          commit(f);
          break;
        }
        case 'cron': {
          const name = claim('cron', ['scheduler', 'cron', 'nightly', 'sweeper']);
          if (!name) break;
          bump('cron');
          const f = file(`workers/${name}`);
          writeCron(ctx, f, recentServices(rng.range(1, 3)));
          commit(f);
          break;
        }
        case 'sqs': {
          const ref = rng.pick(mods.services);
          if (!claim('sqs', [ref.entity.name])) break;
          const f = file(`consumers/${kebab(ref.entity.name)}-events.consumer`);
          writeSqsConsumer(ctx, f, ref);
          commit(f);
          break;
        }
        case 'ivr': {
          const name = claim('ivr', ['main-menu', 'billing-flow', 'after-hours', 'appointments-flow', 'support-tree', 'spanish-menu', 'outage-flow', 'payments-flow']);
          if (!name) break;
          const f = file(`ivr/${name}`);
          writeIvr(ctx, f, size);
          commit(f);
          break;
        }
        case 'utils': {
          const name = claim('utils', ['time', 'metrics', 'format', 'text', 'sla', 'dialing', 'queues', 'staffing', 'csv', 'numbers']);
          if (!name) break;
          const f = file(`utils/${name}`);
          mods.utils.push(...writeUtils(ctx, f, Math.min(size, 120)));
          commit(f);
          break;
        }
        case 'report': {
          const entity = pickEntity();
          if (!claim('report', [entity.name])) break;
          const f = file(`reports/${kebab(entity.name)}.report`);
          writeReport(ctx, f, entity, mods.utils);
          commit(f);
          break;
        }
        case 'scenarios': {
          const ref = rng.pick(mods.services);
          if (!claim('scenarios', [ref.className])) break;
          const stem = kebab(ref.className.replace(/Service$/, ''));
          const f = spec.layout === 'feature' ? entityFile(ref.entity, '', `__tests__/${stem}.scenarios`) : file(`__tests__/${stem}.scenarios`);
          writeScenarios(ctx, f, ref, rng.sample(mods.utils, 2), size);
          commit(f);
          break;
        }
        case 'web':
          generateWebPart(ctx, spec, webParts, pickEntity);
          break;
        case 'migration': {
          const entity = pickEntity();
          if (!claim('migration', [entity.name])) break;
          const stamp = `2024${String(rng.range(1, 12)).padStart(2, '0')}${String(rng.range(10, 28))}${String(rng.range(100000, 235959))}`;
          const f = open(`${spec.src.replace(/\/src$/, '')}/migrations/${stamp}_create_${entity.table}${ext}`, spec.moduleSystem, spec.localSuffix);
          writeMigration(ctx, f, entity);
          commit(f);
          break;
        }
        case 'script': {
          const entity = pickEntity();
          const verb = claim(`script-${entity.name}`, ['backfill', 'reconcile', 'export', 'cleanup']);
          if (!verb) break;
          const f = open(`${spec.src.replace(/\/src$/, '')}/scripts/${verb}-${kebab(entity.plural)}.mjs`, 'esm', '');
          writeScript(ctx, f, entity);
          commit(f);
          break;
        }
        case 'ari': {
          bump('ari');
          const f = file(`telephony/${claim('ari', ['stasis-app', 'ari-handler']) ?? 'ari-app'}`);
          writeAriApp(ctx, f);
          commit(f);
          break;
        }
        case 'esl': {
          bump('esl');
          const f = file(`telephony/${claim('esl', ['esl-listener', 'hangup-events']) ?? 'esl-events'}`);
          writeEslListener(ctx, f);
          commit(f);
          break;
        }
      }
    }

    // Wiring: middleware, bootstrap, CommonJS config files.
    const fw = spec.lang === 'ts' ? spec.framework : 'express';
    if (fw === 'express') {
      const f = file('http/middleware');
      writeMiddleware(ctx, f);
      mods.middleware = commit(f).path;
    }
    if (mods.components.length > 0) {
      const f = open(`${spec.src}/web/App.tsx`, 'esm', spec.localSuffix);
      writeWebApp(ctx, f, mods.components.map((c) => [c.name, c.path]));
      commit(f);
    }
    const main = file(spec.lang === 'ts' ? 'main' : 'server');
    if (fw === 'nest') {
      const moduleFile = file('app.module');
      writeBootstrap(ctx, main, moduleFile);
      commit(moduleFile);
    } else {
      writeBootstrap(ctx, main);
    }
    commit(main);
    const root = spec.src.replace(/\/src$/, '');
    if (spec.orm === 'knex' || rng.chance(0.3)) {
      const f = open(`${root}/knexfile.cjs`, 'cjs', '');
      writeCjsConfig(ctx, f, 'knexfile');
      commit(f);
    }
    if (rng.chance(0.4)) {
      const f = open(`${root}/ecosystem.config.cjs`, 'cjs', '');
      writeCjsConfig(ctx, f, 'ecosystem');
      commit(f);
    }
  }

  /** One step of the agent console for an entity: hook, card, table, form, softphone, page. */
  function generateWebPart(ctx: GenContext, spec: AppSpec, webParts: Map<string, WebParts>, pickEntity: (needPhone?: boolean) => EntitySpec): void {
    const { mods } = ctx;
    if (!mods.apiClient) {
      const f = open(`${spec.src}/web/api/client.ts`, 'esm', spec.localSuffix);
      writeApiClient(ctx, f);
      mods.apiClient = commit(f).path;
      return;
    }
    const entity = pickEntity(rng.chance(0.6));
    const parts = webParts.get(entity.name) ?? {};
    webParts.set(entity.name, parts);
    if (parts.done) return;
    const tsx = (rel: string): SourceFile => open(`${spec.src}/web/${rel}.tsx`, 'esm', spec.localSuffix);
    if (!parts.hook) {
      const f = open(`${spec.src}/web/hooks/use-${kebab(entity.plural)}.ts`, 'esm', spec.localSuffix);
      parts.hook = [writeHook(ctx, f, entity), commit(f).path];
    } else if (!parts.card) {
      const f = tsx(`components/${entity.name}Card`);
      parts.card = [writeCard(ctx, f, entity), commit(f).path];
    } else if (!parts.table) {
      const f = tsx(`components/${entity.name}Table`);
      parts.table = [writeTable(ctx, f, entity, parts.card[0], parts.card[1]), commit(f).path];
    } else if (!parts.form) {
      const f = tsx(`components/${entity.name}DispositionForm`);
      parts.form = [writeDispositionForm(ctx, f, entity), commit(f).path];
    } else if (!parts.phone && entity.phone && spec.telephony === 'twilio') {
      const f = tsx(`components/${entity.name}Softphone`);
      parts.phone = [writeSoftphone(ctx, f, entity), commit(f).path];
    } else {
      const f = tsx(`pages/${cap(entity.plural)}Page`);
      const name = writePage(ctx, f, entity, parts);
      mods.components.push({ path: commit(f).path, name, entity });
      parts.done = true;
    }
  }

  rendered.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files = new Map<string, string>();
  const byExtension: Record<string, { files: number; lines: number }> = {};
  const byRule: Record<InjectedRule, number> = {
    'no-pii-in-logs': 0,
    'no-plaintext-pii-storage': 0,
    'require-consent-check': 0,
    'no-plaintext-transport': 0,
  };
  const injected: CorpusFileIssues[] = [];
  let sourceLines = 0;
  for (const r of rendered) {
    files.set(r.path, r.text);
    const extension = /\.[a-z]+$/.exec(r.path)?.[0] ?? '';
    const slot = (byExtension[extension] ??= { files: 0, lines: 0 });
    slot.files++;
    slot.lines += r.lines;
    sourceLines += r.lines;
    if (r.issues.length > 0) injected.push({ path: r.path, issues: r.issues });
    for (const issue of r.issues) byRule[issue.rule]++;
  }
  for (const [path, text] of renderSupportFiles(vendors.modules)) files.set(path, text);
  const summary: CorpusSummary = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    targetLines,
    fileCountHint,
    issueRate,
    sourceFiles: rendered.length,
    sourceLines,
    byExtension,
    apps: appIndex,
    injected: { total: Object.values(byRule).reduce((a, b) => a + b, 0), byRule },
  };
  return { files, summary, injected };
}

function planApp(rng: Prng, index: number, js: boolean, used: Set<string>): AppSpec {
  const pool = js ? LEGACY_JS_APPS : APP_NAMES;
  const fresh = pool.filter((n) => !used.has(n));
  let name = fresh.length > 0 ? rng.pick(fresh) : `${rng.pick(pool)}-${index}`;
  while (used.has(name)) name = `${name}-${index}`;
  used.add(name);
  const folder = js ? 'legacy' : name.includes('console') ? 'apps' : rng.pick(['apps', 'services']);
  const framework: Framework = js ? 'express' : rng.weighted([['express', 0.45], ['fastify', 0.25], ['nest', 0.3]] as const);
  const orm: Orm = js
    ? rng.weighted([['knex', 0.35], ['pg', 0.35], ['sequelize', 0.15], ['mongoose', 0.15]] as const)
    : rng.weighted([['prisma', 0.25], ['typeorm', 0.2], ['sequelize', 0.1], ['mongoose', 0.15], ['knex', 0.15], ['pg', 0.15]] as const);
  const logger: LoggerKind = framework === 'nest' ? (rng.chance(0.8) ? 'nest' : 'pino') : rng.weighted([['winston', 0.55], ['pino', 0.45]] as const);
  const telephony: Telephony = js
    ? rng.weighted([['esl', 0.3], ['ari', 0.3], ['twilio', 0.4]] as const)
    : rng.weighted([['twilio', 0.38], ['vonage', 0.12], ['plivo', 0.1], ['ari', 0.13], ['esl', 0.12], ['jambonz', 0.15]] as const);
  const contactable = rng.pick(CONTACTABLE);
  const others = rng.sample(ENTITIES.filter((e) => e !== contactable), rng.range(2, 4));
  const web = !js && (name === 'agent-console' || rng.chance(0.3));
  return {
    name,
    src: `${folder}/${name}/src`,
    lang: js ? 'js' : 'ts',
    moduleSystem: js ? 'cjs' : 'esm',
    localSuffix: js ? '' : rng.chance(0.4) ? '.js' : '',
    framework,
    orm,
    logger,
    telephony,
    entities: [contactable, ...others],
    web,
    layout: !js && rng.chance(0.35) ? 'feature' : 'layered',
  };
}
