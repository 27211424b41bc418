/**
 * Repository classes over the app's ORM with one fixed API per entity (findById,
 * findPending, save, markStatus, countByStatus, deleteOlderThan, findByPhone), so
 * services can call them without knowing the ORM. PII is encrypted on write (explicitly,
 * or by the model's transformer/setter), with a rare plaintext write injected.
 */
import type { GenContext } from '../context.js';
import { moduleLogger, emitLog } from '../context.js';
import type { SourceFile } from '../writer.js';
import type { EntitySpec, FieldSpec } from '../vocab.js';
import { dataFields, isStoragePii, snake, statusType } from './model.js';

type WriteEntry = { key: string; expr: string; flag: boolean };

/** Whether this ORM's model encrypts PII itself (so repositories write plain values). */
function modelEncrypts(orm: string): boolean {
  return orm === 'typeorm' || orm === 'sequelize' || orm === 'mongoose';
}

function rowKey(orm: string, field: FieldSpec): string {
  const snaky = orm === 'knex' || orm === 'pg';
  const base = snaky ? snake(field.name) : field.name;
  if (isStoragePii(field) && !modelEncrypts(orm)) return snaky ? `${base}_encrypted` : `${base}Encrypted`;
  return base;
}

function hashKey(orm: string, entity: EntitySpec): string {
  const phone = entity.phone ?? 'phone';
  return orm === 'knex' || orm === 'pg' ? `${snake(phone)}_hash` : `${phone}Hash`;
}

function writeEntries(ctx: GenContext, f: SourceFile, entity: EntitySpec, v: string): WriteEntry[] {
  const out: WriteEntry[] = [];
  const orm = ctx.app.orm;
  let injected = false;
  for (const field of dataFields(entity)) {
    if (field.name === 'id' && orm === 'mongoose') continue;
    const value = `${v}.${field.name}`;
    if (isStoragePii(field) && !modelEncrypts(orm)) {
      if (!injected && ctx.risk(1.2)) {
        injected = true;
        const plainKey = orm === 'knex' || orm === 'pg' ? snake(field.name) : field.name;
        out.push({ key: plainKey, expr: value, flag: true });
      } else {
        f.importLocal(ctx.mods.crypto, 'encryptField');
        out.push({ key: rowKey(orm, field), expr: `encryptField(${value})`, flag: false });
      }
    } else {
      out.push({ key: rowKey(orm, field), expr: value, flag: false });
    }
  }
  if (entity.phone) {
    f.importLocal(ctx.mods.crypto, 'hmacPhone');
    out.push({ key: hashKey(orm, entity), expr: `hmacPhone(${v}.${entity.phone})`, flag: false });
  }
  out.push({ key: 'status', expr: `${v}.status`, flag: false });
  return out;
}

function emitObject(f: SourceFile, entries: WriteEntry[]): void {
  for (const e of entries) {
    f.line(e.key === e.expr ? `${e.key},` : `${e.key}: ${e.expr},`);
    if (e.flag) f.flag('no-plaintext-pii-storage');
  }
}

export interface RepositoryResult {
  className: string;
}

export function writeRepository(ctx: GenContext, f: SourceFile, entity: EntitySpec, variant: number): RepositoryResult {
  const { app } = ctx;
  const orm = app.orm;
  const ts = f.isTs;
  const E = entity.name;
  const v = entity.varName;
  const className = variant === 0 ? `${E}Repository` : `${E}Repository${variant + 1}`;
  const typesPath = ctx.mods.types.get(E);
  if (ts && typesPath) f.importLocalType(typesPath, E, statusType(entity));
  const fields = dataFields(entity);
  const decrypt = (expr: string): string => {
    f.importLocal(ctx.mods.crypto, 'decryptField');
    return `decryptField(${expr})`;
  };

  // Row shape as the driver returns it.
  if (ts) {
    f.open(`interface ${E}Row {`);
    if (orm === 'mongoose') f.line('_id: unknown;');
    for (const field of fields) {
      if (field.name === 'id' && orm === 'mongoose') continue;
      f.line(`${rowKey(orm, field)}: ${field.ts.includes('|') ? 'string' : field.ts};`);
    }
    if (entity.phone) f.line(`${hashKey(orm, entity)}: string;`);
    f.line('status: string;').close().blank();
  }
  f.open(`function to${E}(row${f.ty(`: ${E}Row`)})${f.ty(`: ${E}`)} {`);
  f.open('return {');
  for (const field of fields) {
    let expr: string;
    if (field.name === 'id' && orm === 'mongoose') expr = 'String(row._id)';
    else if (isStoragePii(field) && !modelEncrypts(orm)) expr = decrypt(`row.${rowKey(orm, field)}`);
    else expr = `row.${rowKey(orm, field)}`;
    if (ts && field.ts.includes('|')) expr = `${expr} as ${E}['${field.name}']`;
    f.line(`${field.name}: ${expr},`);
  }
  f.line(`status: row.status${f.ty(` as ${statusType(entity)}`)},`);
  f.close('};').close().blank();

  if (app.framework === 'nest' && ts) {
    f.importNamed('@nestjs/common', 'Injectable');
    f.line('@Injectable()');
  }
  f.open(`${f.exp(className)}class ${className} {`);
  const model = ctx.mods.models.get(E);
  let q: (op: string) => string;
  switch (orm) {
    case 'prisma': {
      f.importLocal(ctx.mods.db, 'prisma');
      q = (op) => `prisma.${v}.${op}`;
      break;
    }
    case 'typeorm': {
      f.importLocal(ctx.mods.db, 'dataSource');
      if (model) f.importLocal(model, `${E}Entity`);
      f.line(`private readonly repo = dataSource.getRepository(${E}Entity);`).blank();
      q = (op) => `this.repo.${op}`;
      break;
    }
    case 'sequelize':
    case 'mongoose': {
      if (model) f.importLocal(model, `${E}Model`);
      q = (op) => `${E}Model.${op}`;
      break;
    }
    case 'knex': {
      f.importLocal(ctx.mods.db, 'db');
      q = (op) => `db('${entity.table}').${op}`;
      break;
    }
    default: {
      f.importLocal(ctx.mods.db, 'pool');
      q = (op) => `pool.query(${op})`;
    }
  }
  const first = entity.statuses[0] ?? 'new';
  const idParam = `id${f.ty(': string')}`;

  // findById
  f.open(`async findById(${idParam})${f.ty(`: Promise<${E} | null>`)} {`);
  switch (orm) {
    case 'prisma': f.line(`const row = await ${q('findUnique')}({ where: { id } });`, `return row ? to${E}(row) : null;`); break;
    case 'typeorm': f.line(`const row = await ${q('findOneBy')}({ id });`, `return row ? to${E}(row) : null;`); break;
    case 'sequelize': f.line(`const row = await ${q('findByPk')}(id);`, `return row ? to${E}(row.get({ plain: true })) : null;`); break;
    case 'mongoose': f.line(`const doc = await ${q('findById')}(id).lean({ getters: true });`, `return doc ? to${E}(doc) : null;`); break;
    case 'knex': f.line(`const row = await ${q('where')}({ id }).first();`, `return row ? to${E}(row) : null;`); break;
    default: f.line(`const { rows } = await ${q(`'SELECT * FROM ${entity.table} WHERE id = $1', [id]`)};`, `return rows[0] ? to${E}(rows[0]) : null;`);
  }
  f.close().blank();

  // findPending
  f.open(`async findPending(limit = 100)${f.ty(`: Promise<${E}[]>`)} {`);
  switch (orm) {
    case 'prisma': f.line(`const rows = await ${q('findMany')}({ where: { status: '${first}' }, orderBy: { id: 'asc' }, take: limit });`); break;
    case 'typeorm': f.line(`const rows = await ${q('find')}({ where: { status: '${first}' }, order: { id: 'ASC' }, take: limit });`); break;
    case 'sequelize': f.line(`const rows = await ${q('findAll')}({ where: { status: '${first}' }, order: [['id', 'ASC']], limit, raw: true });`); break;
    case 'mongoose': f.line(`const rows = await ${q('find')}({ status: '${first}' }).sort({ _id: 1 }).limit(limit).lean({ getters: true });`); break;
    case 'knex': f.line(`const rows = await ${q('where')}({ status: '${first}' }).orderBy('id').limit(limit);`); break;
    default: f.line(`const { rows } = await ${q(`'SELECT * FROM ${entity.table} WHERE status = $1 ORDER BY id LIMIT $2', ['${first}', limit]`)};`);
  }
  f.line(`return rows.map(to${E});`).close().blank();

  // save
  f.open(`async save(${v}${f.ty(`: ${E}`)})${f.ty(': Promise<void>')} {`);
  const entries = writeEntries(ctx, f, entity, v);
  switch (orm) {
    case 'prisma':
      f.open('const data = {');
      emitObject(f, entries.map((e) => ({ ...e, flag: false })));
      f.close('};');
      f.line(`await ${q('upsert')}({ where: { id: ${v}.id }, create: data, update: data });`);
      // `data` is not an object literal at the call, so the problem is reported on the call.
      if (entries.some((e) => e.flag)) f.flag('no-plaintext-pii-storage');
      break;
    case 'typeorm':
      f.open(`await ${q('save')}({`);
      emitObject(f, entries);
      f.close('});');
      break;
    case 'sequelize':
      f.open(`await ${q('upsert')}({`);
      emitObject(f, entries);
      f.close('});');
      break;
    case 'mongoose':
      f.open(`await ${q('updateOne')}(`);
      f.line(`{ _id: ${v}.id },`);
      f.open('{');
      f.open('$set: {');
      emitObject(f, entries);
      f.close('},').close('},');
      f.line('{ upsert: true },').close(');');
      break;
    case 'knex':
      f.open(`await ${q('insert')}({`);
      emitObject(f, entries);
      f.close("}).onConflict('id').merge();");
      break;
    default: {
      const cols = entries.map((e) => e.key);
      const placeholders = cols.map((_, i) => `$${i + 1}`).join(', ');
      f.open('await pool.query(');
      f.line(`'INSERT INTO ${entity.table} (${cols.join(', ')}) VALUES (${placeholders}) ' +`);
      f.line(`  'ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status',`);
      f.line(`[${entries.map((e) => e.expr).join(', ')}],`);
      if (entries.some((e) => e.flag)) f.flag('no-plaintext-pii-storage');
      f.close(');');
    }
  }
  f.close().blank();

  // markStatus
  f.open(`async markStatus(${idParam}, status${f.ty(`: ${statusType(entity)}`)})${f.ty(': Promise<void>')} {`);
  switch (orm) {
    case 'prisma': f.line(`await ${q('update')}({ where: { id }, data: { status } });`); break;
    case 'typeorm': f.line(`await ${q('update')}({ id }, { status });`); break;
    case 'sequelize': f.line(`await ${q('update')}({ status }, { where: { id } });`); break;
    case 'mongoose': f.line(`await ${q('updateOne')}({ _id: id }, { $set: { status } });`); break;
    case 'knex': f.line(`await ${q('where')}({ id }).update({ status, updated_at: new Date() });`); break;
    default: f.line(`await ${q(`'UPDATE ${entity.table} SET status = $2, updated_at = now() WHERE id = $1', [id, status]`)};`);
  }
  f.close().blank();

  // countByStatus
  f.open(`async countByStatus()${f.ty(': Promise<Record<string, number>>')} {`);
  f.line(`const counts${f.ty(': Record<string, number>')} = {};`);
  switch (orm) {
    case 'prisma':
      f.line(`const groups = await ${q('groupBy')}({ by: ['status'], _count: { _all: true } });`);
      f.line(`for (const group of groups${f.ty(' as { status: string; _count: { _all: number } }[]')}) counts[group.status] = group._count._all;`);
      break;
    case 'typeorm':
      f.line(`const rows = await ${q('createQueryBuilder')}('t').select('t.status', 'status').addSelect('COUNT(*)', 'count').groupBy('t.status').getRawMany();`);
      f.line(`for (const row of rows${f.ty(' as { status: string; count: string }[]')}) counts[row.status] = Number(row.count);`);
      break;
    case 'sequelize':
      f.line(`const rows = await ${q('count')}({ group: ['status'] });`);
      f.line(`for (const row of rows${f.ty(' as { status: string; count: number }[]')}) counts[row.status] = row.count;`);
      break;
    case 'mongoose':
      f.line(`const rows = await ${q('aggregate')}([{ $group: { _id: '$status', count: { $sum: 1 } } }]);`);
      f.line(`for (const row of rows${f.ty(' as { _id: string; count: number }[]')}) counts[row._id] = row.count;`);
      break;
    case 'knex':
      f.line(`const rows = await ${q('select')}('status').count('* as count').groupBy('status');`);
      f.line(`for (const row of rows${f.ty(' as { status: string; count: string }[]')}) counts[row.status] = Number(row.count);`);
      break;
    default:
      f.line(`const { rows } = await ${q(`'SELECT status, count(*)::int AS count FROM ${entity.table} GROUP BY status'`)};`);
      f.line(`for (const row of rows${f.ty(' as { status: string; count: number }[]')}) counts[row.status] = row.count;`);
  }
  f.line('return counts;').close().blank();

  // deleteOlderThan
  f.open(`async deleteOlderThan(days${f.ty(': number')})${f.ty(': Promise<number>')} {`);
  f.line('const cutoff = new Date(Date.now() - days * 86_400_000);');
  switch (orm) {
    case 'prisma': f.line(`const { count } = await ${q('deleteMany')}({ where: { createdAt: { lt: cutoff } } });`, 'return count;'); break;
    case 'typeorm': f.line(`const result = await ${q('createQueryBuilder')}().delete().where('created_at < :cutoff', { cutoff }).execute();`, 'return result.affected ?? 0;'); break;
    case 'sequelize': f.importNamed('sequelize', 'Op'); f.line(`return ${q('destroy')}({ where: { createdAt: { [Op.lt]: cutoff } } });`); break;
    case 'mongoose': f.line(`const result = await ${q('deleteMany')}({ createdAt: { $lt: cutoff } });`, 'return result.deletedCount ?? 0;'); break;
    case 'knex': f.line(`return ${q('where')}('created_at', '<', cutoff).del();`); break;
    default: f.line(`const result = await ${q(`'DELETE FROM ${entity.table} WHERE created_at < $1', [cutoff]`)};`, 'return result.rowCount ?? 0;');
  }
  f.close();

  // findByPhone — lookups go through the keyed hash column, never the plaintext number.
  if (entity.phone) {
    f.importLocal(ctx.mods.crypto, 'hmacPhone');
    const key = hashKey(orm, entity);
    f.blank().open(`async findByPhone(phone${f.ty(': string')})${f.ty(`: Promise<${E} | null>`)} {`);
    switch (orm) {
      case 'prisma': f.line(`const row = await ${q('findFirst')}({ where: { ${key}: hmacPhone(phone) } });`, `return row ? to${E}(row) : null;`); break;
      case 'typeorm': f.line(`const row = await ${q('findOneBy')}({ ${key}: hmacPhone(phone) });`, `return row ? to${E}(row) : null;`); break;
      case 'sequelize': f.line(`const row = await ${q('findOne')}({ where: { ${key}: hmacPhone(phone) } });`, `return row ? to${E}(row.get({ plain: true })) : null;`); break;
      case 'mongoose': f.line(`const doc = await ${q('findOne')}({ ${key}: hmacPhone(phone) }).lean({ getters: true });`, `return doc ? to${E}(doc) : null;`); break;
      case 'knex': f.line(`const row = await ${q('where')}({ ${key}: hmacPhone(phone) }).first();`, `return row ? to${E}(row) : null;`); break;
      default: f.line(`const { rows } = await ${q(`'SELECT * FROM ${entity.table} WHERE ${key} = $1 LIMIT 1', [hmacPhone(phone)]`)};`, `return rows[0] ? to${E}(rows[0]) : null;`);
    }
    f.close();
  }

  if (ctx.rng.chance(0.4)) {
    const log = moduleLogger(ctx, f);
    f.blank().open(`async touch(${idParam})${f.ty(': Promise<void>')} {`);
    f.line(`const current = await this.findById(id);`);
    f.open('if (!current) {');
    emitLog(ctx, f, log, 'warn', `touch on missing ${v}`, [['id', 'id']]);
    f.line('return;').close();
    f.line(`await this.markStatus(id, current.status);`).close();
  }
  f.close();
  return { className };
}
