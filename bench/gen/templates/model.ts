/**
 * Entity types, DTOs and ORM schema modules (TypeORM entities, Sequelize models, Mongoose
 * schemas) with encrypted PII columns — and, rarely, a plaintext one.
 */
import type { GenContext } from '../context.js';
import type { SourceFile } from '../writer.js';
import type { EntitySpec, FieldSpec } from '../vocab.js';
import { kebab } from '../vocab.js';

/** PII kinds that the storage rule cares about (email is deliberately not one). */
export function isStoragePii(field: FieldSpec): boolean {
  return field.pii === 'phone' || field.pii === 'national-id' || field.pii === 'payment-card' || field.pii === 'call-recording';
}

export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Fields of the entity interface: the declared ones minus `status`, which is typed separately. */
export function dataFields(entity: EntitySpec): FieldSpec[] {
  return entity.fields.filter((f) => f.name !== 'status');
}

export function statusType(entity: EntitySpec): string {
  return `${entity.name}Status`;
}

export function writeEntityTypes(ctx: GenContext, f: SourceFile, entity: EntitySpec): void {
  const { rng } = ctx;
  f.line(`export type ${statusType(entity)} = ${entity.statuses.map((s) => `'${s}'`).join(' | ')};`).blank();
  f.open(`export interface ${entity.name} {`);
  for (const field of dataFields(entity)) f.line(`${field.name}: ${field.ts};`);
  f.line(`status: ${statusType(entity)};`);
  f.close().blank();
  f.open(`export interface ${entity.name}Filter {`);
  f.line(`status?: ${statusType(entity)};`, 'createdAfter?: Date;', 'limit?: number;', 'cursor?: string;').close().blank();
  f.line(`export type New${entity.name} = Omit<${entity.name}, 'id' | 'status'>;`).blank();
  f.open(`export type ${entity.name}Event =`);
  f.line(`| { type: '${entity.varName}.created'; id: string; at: Date }`);
  f.line(`| { type: '${entity.varName}.status_changed'; id: string; from: ${statusType(entity)}; to: ${statusType(entity)}; at: Date }`);
  f.line(`| { type: '${entity.varName}.deleted'; id: string; at: Date };`).close('').blank();
  f.line(`export const ${entity.name.toUpperCase()}_STATUSES: readonly ${statusType(entity)}[] = [${entity.statuses.map((s) => `'${s}'`).join(', ')}];`).blank();
  f.open(`export function is${entity.name}Status(value: string): value is ${statusType(entity)} {`);
  f.line(`return (${entity.name.toUpperCase()}_STATUSES as readonly string[]).includes(value);`).close();
  f.blank().open(`export interface ${entity.name}Page {`);
  f.line(`items: ${entity.name}[];`, 'nextCursor: string | null;', 'total: number;').close();
  if (rng.chance(0.5)) {
    f.blank().open(`export function empty${entity.name}Page(): ${entity.name}Page {`);
    f.line('return { items: [], nextCursor: null, total: 0 };').close();
  }
}

/** A create DTO validated with class-validator, a view type, and a masking mapper. */
export function writeDto(ctx: GenContext, f: SourceFile, entity: EntitySpec): void {
  const typesPath = ctx.mods.types.get(entity.name);
  if (typesPath) f.importLocalType(typesPath, entity.name);
  const validators = new Set<string>();
  f.open(`export class Create${entity.name}Dto {`);
  for (const field of dataFields(entity)) {
    if (field.name === 'id' || field.name.endsWith('At')) continue;
    let deco: string;
    if (field.pii === 'phone') deco = "@IsPhoneNumber('US')";
    else if (field.pii === 'email') deco = '@IsEmail()';
    else if (field.ts === 'boolean') deco = '@IsBoolean()';
    else if (field.ts === 'number') deco = '@IsInt()';
    else deco = '@IsString()';
    validators.add(deco.replace(/\(.*$/, '').slice(1));
    const optional = field.ts === 'boolean' || ctx.rng.chance(0.2);
    if (optional) validators.add('IsOptional');
    f.line(`${optional ? '@IsOptional() ' : ''}${deco}`, `${field.name}${optional ? '?' : '!'}: ${field.ts};`).blank();
  }
  f.close().blank();
  f.importNamed('class-validator', ...[...validators].sort());
  const phone = entity.phone;
  f.open(`export interface ${entity.name}View {`);
  f.line('id: string;', 'status: string;');
  if (phone) f.line('maskedPhone: string;');
  f.line('label: string;').close().blank();
  f.open(`export function to${entity.name}View(${entity.varName}: ${entity.name}): ${entity.name}View {`);
  f.open('return {');
  f.line(`id: ${entity.varName}.id,`, `status: ${entity.varName}.status,`);
  if (phone) {
    f.importLocal(ctx.mods.mask, 'maskPhone');
    f.line(`maskedPhone: maskPhone(${entity.varName}.${phone}),`);
  }
  f.line(`label: String(${entity.varName}.${entity.label}),`).close('};').close();
}

/** TypeORM entity, Sequelize model or Mongoose schema, depending on the app's ORM. */
export function writeModel(ctx: GenContext, f: SourceFile, entity: EntitySpec): string {
  const cls = `${entity.name}${ctx.app.orm === 'typeorm' ? 'Entity' : 'Model'}`;
  const fields = dataFields(entity);
  switch (ctx.app.orm) {
    case 'typeorm': {
      f.importNamed('typeorm', 'Entity', 'PrimaryColumn', 'Column', 'CreateDateColumn', 'Index');
      f.importLocal(ctx.mods.crypto, 'encryptField', 'decryptField');
      f.line('/** Encrypts on write, decrypts on read, so repositories handle plain values. */');
      f.open('const encryptedColumn = {');
      f.line('to: (value: string | null): string | null => (value ? encryptField(value) : value),');
      f.line('from: (value: string | null): string | null => (value ? decryptField(value) : value),').close('};').blank();
      f.line(`@Entity({ name: '${entity.table}' })`);
      f.open(`export class ${cls} {`);
      for (const field of fields) {
        if (field.name === 'id') f.line("@PrimaryColumn('uuid')");
        else if (field.ts === 'Date' && field.name === 'createdAt') f.line("@CreateDateColumn({ name: 'created_at' })");
        else if (isStoragePii(field)) {
          if (ctx.risk(0.8)) {
            f.line(`@Column({ name: '${snake(field.name)}', type: 'varchar' })`);
            f.line(`${field.name}!: ${field.ts};`).flag('no-plaintext-pii-storage').blank();
            continue;
          }
          f.line(`@Column({ name: '${snake(field.name)}_encrypted', type: 'text', transformer: encryptedColumn })`);
        } else f.line(`@Column({ name: '${snake(field.name)}'${field.ts === 'Date' ? ", type: 'timestamptz'" : ''}${field.ts.includes('|') ? ", type: 'varchar'" : ''} })`);
        f.line(`${field.name}!: ${field.ts};`).blank();
      }
      if (entity.phone) f.line("@Index()", `@Column({ name: '${snake(entity.phone)}_hash' })`, `${entity.phone}Hash!: string;`).blank();
      f.line("@Column({ type: 'varchar' })", 'status!: string;').close();
      break;
    }
    case 'sequelize': {
      f.importNamed('sequelize', 'DataTypes', 'Model');
      f.importLocal(ctx.mods.db, 'sequelize');
      f.importLocal(ctx.mods.crypto, 'encryptField', 'decryptField');
      f.line(`${f.exp(cls)}class ${cls} extends Model {}`).blank();
      f.open(`${cls}.init(`);
      f.open('{');
      for (const field of fields) {
        const type = field.name === 'id' ? 'DataTypes.UUID' : field.ts === 'boolean' ? 'DataTypes.BOOLEAN' : field.ts === 'number' ? 'DataTypes.INTEGER' : field.ts === 'Date' ? 'DataTypes.DATE' : 'DataTypes.STRING';
        if (field.name === 'id') {
          f.line(`id: { type: ${type}, primaryKey: true },`);
        } else if (isStoragePii(field) && ctx.risk(0.8)) {
          f.line(`${field.name}: { type: DataTypes.STRING, allowNull: false },`).flag('no-plaintext-pii-storage');
        } else if (isStoragePii(field)) {
          f.open(`${field.name}: {`);
          f.line('type: DataTypes.TEXT,', `field: '${snake(field.name)}_encrypted',`);
          f.open(`set(${f.ty('this: Model, ')}value${f.ty(': string')}) {`);
          f.line(`this.setDataValue('${field.name}', encryptField(value));`).close('},');
          f.open(`get(${f.ty('this: Model')}) {`);
          f.line(`const raw = this.getDataValue('${field.name}');`, 'return raw ? decryptField(raw) : raw;').close('},');
          f.close('},');
        } else {
          f.line(`${field.name}: { type: ${type}${field.ts === 'boolean' ? ', defaultValue: false' : ''}, field: '${snake(field.name)}' },`);
        }
      }
      if (entity.phone) f.line(`${entity.phone}Hash: { type: DataTypes.STRING(64), field: '${snake(entity.phone)}_hash' },`);
      f.line(`status: { type: DataTypes.STRING(32), defaultValue: '${entity.statuses[0]}' },`);
      f.close('},');
      f.line(`{ sequelize, tableName: '${entity.table}', underscored: true, indexes: [{ fields: ['status'] }] },`);
      f.close(');');
      break;
    }
    case 'mongoose':
    default: {
      f.importNamed('mongoose', 'Schema', 'model');
      f.importLocal(ctx.mods.crypto, 'encryptField', 'decryptField');
      f.open(`const ${entity.name}Schema = new Schema(`);
      f.open('{');
      for (const field of fields) {
        if (field.name === 'id') continue;
        const type = field.ts === 'boolean' ? 'Boolean' : field.ts === 'number' ? 'Number' : field.ts === 'Date' ? 'Date' : 'String';
        if (isStoragePii(field) && ctx.risk(0.8)) {
          f.line(`${field.name}: { type: String, required: true },`).flag('no-plaintext-pii-storage');
        } else if (isStoragePii(field)) {
          f.line(`${field.name}: { type: String, required: true, set: encryptField, get: decryptField },`);
        } else {
          f.line(`${field.name}: { type: ${type}${field.ts === 'boolean' ? ', default: false' : ''} },`);
        }
      }
      if (entity.phone) f.line(`${entity.phone}Hash: { type: String, index: true },`);
      f.line(`status: { type: String, default: '${entity.statuses[0]}', index: true },`);
      f.close('},');
      f.line('{ timestamps: true, toJSON: { getters: true }, toObject: { getters: true } },');
      f.close(');').blank();
      f.line(`${entity.name}Schema.index({ createdAt: -1 });`);
      f.line(`${f.exp(cls)}const ${cls} = model('${entity.name}', ${entity.name}Schema);`);
      break;
    }
  }
  return cls;
}

export function modelPath(src: string, orm: string, entity: EntitySpec, ext: string): string {
  return orm === 'typeorm' ? `${src}/entities/${kebab(entity.name)}.entity${ext}` : `${src}/models/${kebab(entity.name)}.model${ext}`;
}
