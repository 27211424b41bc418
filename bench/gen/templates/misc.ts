/**
 * The rest of a realistic repo: test-like scenario files with fictional numbers, report
 * modules built on the utility helpers, Node scripts (.mjs), CommonJS config files (.cjs),
 * and knex migrations.
 */
import type { GenContext, ServiceRef, UtilRef } from '../context.js';
import { emitLog, moduleLogger } from '../context.js';
import type { SourceFile } from '../writer.js';
import type { EntitySpec } from '../vocab.js';
import { fictionalDisplay } from '../vocab.js';
import { dataFields, isStoragePii, snake } from './model.js';

function sampleObject(ctx: GenContext, entity: EntitySpec): string[] {
  const lines = dataFields(entity).map((field) => `${field.name}: ${field.sample(ctx.rng)},`);
  lines.push(`status: '${entity.statuses[0]}',`);
  return lines;
}

/** Scenario files (named *.scenarios.ts so no test runner picks them up). */
export function writeScenarios(ctx: GenContext, f: SourceFile, ref: ServiceRef, utils: UtilRef[], targetLines: number): void {
  const { rng } = ctx;
  const e = ref.entity;
  f.importNamed('vitest', 'describe', 'expect', 'it', 'vi');
  f.importLocal(ref.path, ref.className);
  f.importLocalType(ref.repo.path, ref.repo.className);
  const types = ctx.mods.types.get(e.name);
  if (types) f.importLocalType(types, e.name);
  f.open(`const sample${f.ty(`: ${e.name}`)} = {`);
  f.line(...sampleObject(ctx, e));
  f.close('};').blank();
  f.open(`function fakeRepository(found${f.ty(`: ${e.name} | null`)} = sample) {`);
  f.open('return {');
  f.line('findById: vi.fn().mockResolvedValue(found),', 'findPending: vi.fn().mockResolvedValue(found ? [found] : []),');
  f.line('save: vi.fn().mockResolvedValue(undefined),', 'markStatus: vi.fn().mockResolvedValue(undefined),');
  f.line('countByStatus: vi.fn().mockResolvedValue({}),', 'deleteOlderThan: vi.fn().mockResolvedValue(0),', 'findByPhone: vi.fn().mockResolvedValue(found),');
  f.close(`}${f.ty(` as unknown as ${ref.repo.className} & Record<string, ReturnType<typeof vi.fn>>`)};`).close().blank();
  f.open(`describe('${ref.className}', () => {`);
  for (const m of ref.idMethods) {
    if (f.lineCount > targetLines) break;
    f.open(`it('${m} completes for a known ${e.varName}', async () => {`);
    f.line('const repo = fakeRepository();', `const service = new ${ref.className}(repo);`);
    f.line(`await expect(service.${m}(sample.id)).resolves.toBeUndefined();`);
    f.line('expect(repo.findById).toHaveBeenCalledWith(sample.id);').close('});').blank();
    f.open(`it('${m} does not write when the ${e.varName} is missing', async () => {`);
    f.line('const repo = fakeRepository(null);', `const service = new ${ref.className}(repo);`);
    f.line(`await service.${m}('missing').catch(() => undefined);`, 'expect(repo.save).not.toHaveBeenCalled();').close('});').blank();
  }
  for (const m of ref.batchMethods) {
    if (f.lineCount > targetLines) break;
    f.open(`it('${m} reports how many rows it handled', async () => {`);
    f.line('const repo = fakeRepository();', `const service = new ${ref.className}(repo);`);
    f.line(`const result = await service.${m}(${rng.pick([5, 10, 50])});`, "expect(typeof result).toBe('number');").close('});').blank();
  }
  if (e.phone) {
    f.open("it('keeps fixtures in the fictional 555-01xx range', () => {");
    f.line(`const display = '${fictionalDisplay(rng)}';`, "expect(display).toMatch(/555-01\\d\\d/);");
    f.line(`expect(String(sample.${e.phone})).toMatch(/55501\\d\\d$/);`).close('});');
  }
  f.close('});');
  for (const u of utils.slice(0, 3)) {
    f.importLocal(u.path, u.name);
    f.blank().open(`describe('${u.name}', () => {`);
    f.open("it('handles typical input', () => {");
    switch (u.sig) {
      case 'num->str': f.line(`expect(typeof ${u.name}(${rng.range(1, 4000)})).toBe('string');`); break;
      case 'str->str': f.line(`expect(${u.name}('Queue 7 / Billing')).not.toContain('\\n');`); break;
      case 'nums->num': f.line(`expect(${u.name}([12, 30, 45, 8, 61])).toBeGreaterThanOrEqual(0);`); break;
      case 'num->num': f.line(`expect(Number.isFinite(${u.name}(${rng.range(1, 30)}))).toBe(true);`); break;
      case 'date->bool': f.line(`expect(${u.name}(new Date('2024-06-01T12:00:00Z'))).toBe(true);`); break;
    }
    f.close('});').close('});');
  }
}

/** Reports over a repository using the app's numeric helpers. */
export function writeReport(ctx: GenContext, f: SourceFile, entity: EntitySpec, utils: UtilRef[]): void {
  const repo = ctx.mods.repos.get(entity.name)?.[0];
  if (!repo) return;
  const log = moduleLogger(ctx, f);
  f.importLocal(repo.path, repo.className);
  const numeric = utils.filter((u) => u.sig === 'nums->num');
  const fmt = utils.find((u) => u.sig === 'num->str');
  for (const u of numeric) f.importLocal(u.path, u.name);
  if (fmt) f.importLocal(fmt.path, fmt.name);
  const metric = entity.metric;
  f.open(`${f.exp('build' + entity.name + 'Report')}async function build${entity.name}Report(limit = 500)${f.ty(': Promise<Record<string, number | string>>')} {`);
  f.line(`const rows = await new ${repo.className}().findPending(limit);`);
  f.line(`const counts = await new ${repo.className}().countByStatus();`);
  f.line(`const report${f.ty(': Record<string, number | string>')} = { rows: rows.length, statuses: Object.keys(counts).length };`);
  if (metric) {
    f.line(`const values = rows.map((row) => Number(row.${metric}));`);
    for (const u of numeric) f.line(`report.${u.name} = ${u.name}(values);`);
    if (fmt) f.line(`report.${fmt.name} = ${fmt.name}(values.reduce((sum, v) => sum + v, 0));`);
  }
  emitLog(ctx, f, log, 'info', `${entity.varName} report built`, [['rows', 'rows.length']]);
  f.line('return report;').close();
}

/** A one-off Node script (.mjs) that talks to Postgres directly. */
export function writeScript(ctx: GenContext, f: SourceFile, entity: EntitySpec): void {
  const { rng } = ctx;
  f.importNamed('pg', 'Client');
  f.importNamed('node:fs/promises', 'writeFile');
  f.line('// Usage: node ' + f.path.split('/').slice(-2).join('/') + ' [--dry-run]');
  f.line("const dryRun = process.argv.includes('--dry-run');").blank();
  f.open('function mask(value) {');
  f.line("const digits = String(value ?? '').replace(/\\D/g, '');", "return digits.length > 4 ? '*'.repeat(digits.length - 4) + digits.slice(-4) : '****';").close().blank();
  f.open('async function main() {');
  const sslIssue = ctx.risk(0.6);
  f.line(`const client = new Client({ connectionString: process.env.DATABASE_URL, ssl: ${sslIssue ? 'false' : '{ rejectUnauthorized: true }'} });`);
  if (sslIssue) f.flag('no-plaintext-transport');
  f.line('await client.connect();');
  f.open('try {');
  const phoneCol = entity.phone ? `${snake(entity.phone)}_hash` : 'id';
  f.line(`const { rows } = await client.query('SELECT id, status, ${phoneCol} FROM ${entity.table} WHERE status = $1 LIMIT $2', ['${entity.statuses[0]}', ${rng.pick([500, 1000, 5000])}]);`);
  f.line('let changed = 0;');
  f.open('for (const row of rows) {');
  f.line(`if (dryRun) continue;`, `await client.query('UPDATE ${entity.table} SET status = $2 WHERE id = $1', [row.id, '${entity.statuses[1] ?? entity.statuses[0]}']);`, 'changed++;').close();
  if (entity.phone && rng.chance(0.5)) {
    f.line(`const preview = rows.slice(0, 20).map((row) => [row.id, row.status].join(','));`);
    f.line(`await writeFile('${entity.plural}-preview.csv', ['id,status', ...preview].join('\\n'));`);
  }
  f.line(`console.log(\`updated \${changed} of \${rows.length} ${entity.plural}\${dryRun ? ' (dry run)' : ''}\`);`);
  f.line(`console.log('sample', mask(rows[0]?.${phoneCol}));`);
  f.mid('} finally {').line('await client.end();').close().close().blank();
  f.open('main().catch((error) => {').line('console.error(error);', 'process.exitCode = 1;').close('});');
}

/** knexfile / pm2 ecosystem / jest-style config in CommonJS. */
export function writeCjsConfig(ctx: GenContext, f: SourceFile, kind: 'knexfile' | 'ecosystem'): void {
  if (kind === 'knexfile') {
    f.open('module.exports = {');
    f.open('development: {');
    f.line("client: 'pg',", "connection: process.env.DATABASE_URL || 'postgres://dev:dev@localhost:5432/dev',", "migrations: { directory: './migrations' },").close('},');
    f.open('production: {');
    f.line("client: 'pg',");
    if (ctx.risk(0.6)) f.line("connection: { connectionString: process.env.DATABASE_URL, ssl: false },").flag('no-plaintext-transport');
    else f.line('connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } },');
    f.line('pool: { min: 2, max: 10 },', "migrations: { directory: './migrations', tableName: 'knex_migrations' },").close('},');
    f.close('};');
    return;
  }
  f.open('module.exports = {');
  f.open('apps: [');
  for (const name of ['api', 'worker', 'scheduler'].slice(0, ctx.rng.range(1, 3))) {
    f.open('{');
    f.line(`name: '${ctx.app.name}-${name}',`, `script: 'dist/${name === 'api' ? 'main' : name}.js',`, `instances: ${name === 'api' ? "'max'" : 1},`);
    f.line("env_production: { NODE_ENV: 'production' },", "max_memory_restart: '512M',").close('},');
  }
  f.close('],').close('};');
}

/** A knex migration creating one entity's table, with encrypted PII columns. */
export function writeMigration(_ctx: GenContext, f: SourceFile, entity: EntitySpec): void {
  const ts = f.isTs;
  if (ts) f.importType('knex', 'Knex');
  f.open(`${f.exp('up')}async function up(knex${f.ty(': Knex')})${f.ty(': Promise<void>')} {`);
  f.open(`await knex.schema.createTable('${entity.table}', (table${f.ty(': Knex.CreateTableBuilder')}) => {`);
  for (const field of dataFields(entity)) {
    const col = snake(field.name);
    if (field.name === 'id') f.line("table.uuid('id').primary();");
    else if (isStoragePii(field)) f.line(`table.text('${col}_encrypted').notNullable();`);
    else if (field.ts === 'boolean') f.line(`table.boolean('${col}').notNullable().defaultTo(false);`);
    else if (field.ts === 'number') f.line(`table.integer('${col}').notNullable().defaultTo(0);`);
    else if (field.ts === 'Date') f.line(`table.timestamp('${col}', { useTz: true });`);
    else f.line(`table.string('${col}', 255);`);
  }
  if (entity.phone) f.line(`table.string('${snake(entity.phone)}_hash', 64).index();`);
  f.line(`table.string('status', 32).notNullable().defaultTo('${entity.statuses[0]}').index();`, 'table.timestamps(true, true);');
  f.close('});').close().blank();
  f.open(`${f.exp('down')}async function down(knex${f.ty(': Knex')})${f.ty(': Promise<void>')} {`);
  f.line(`await knex.schema.dropTableIfExists('${entity.table}');`).close();
}
