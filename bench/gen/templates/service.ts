/**
 * Service classes: outbound dialling, SMS reminders, CRM sync, CSV exports, Redis caching,
 * recording archival, reports. Each method is a small template with a safe form (consent
 * guard, masked log, encrypted write, https) and, rarely, an injected problem.
 */
import type { GenContext, ServiceRef } from '../context.js';
import { cap, classLogger, consentAllowed, emitConsentGuard, emitDial, emitLog, emitSms, hashed, masked } from '../context.js';
import type { SourceFile } from '../writer.js';
import type { EntitySpec } from '../vocab.js';
import { INTERNAL_HOSTS } from '../vocab.js';

interface MethodCtx {
  ctx: GenContext;
  f: SourceFile;
  entity: EntitySpec;
  repo: string;
  log: string;
  used: Set<string>;
  fields: Set<string>;
}

type MethodKind = 'id' | 'batch' | 'other';
type MethodTemplate = (m: MethodCtx) => { name: string; kind: MethodKind } | null;

function uniqueName(m: MethodCtx, candidates: string[]): string {
  const shuffled = m.ctx.rng.shuffle([...candidates]);
  for (const c of shuffled) if (!m.used.has(c)) return c;
  let i = 2;
  const base = shuffled[0] ?? 'run';
  while (m.used.has(`${base}${i}`)) i++;
  return `${base}${i}`;
}

function sig(m: MethodCtx, params: string, ret: string): string {
  return m.f.isTs ? `(${params})${ret ? `: ${ret}` : ''}` : `(${params.replace(/: [^,]+/g, '')})`;
}

function notFound(m: MethodCtx, v: string, soft: boolean): void {
  const { f, ctx, entity } = m;
  if (soft) {
    f.open(`if (!${v}) {`);
    emitLog(ctx, f, m.log, 'warn', `${entity.varName} not found`, [['id', 'id']]);
    f.line('return;').close();
  } else {
    f.importLocal(ctx.mods.errors, 'NotFoundError');
    f.line(`if (!${v}) throw new NotFoundError(\`${entity.name} \${id} not found\`);`);
  }
}

function statusAt(entity: EntitySpec, i: number): string {
  return `'${entity.statuses[Math.min(i, entity.statuses.length - 1)]}'`;
}

const dialOne: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone) return null;
  const name = uniqueName(m, [`call${entity.name}`, `dial${entity.name}`, `placeCallTo${entity.name}`, `startOutbound${entity.name}Call`]);
  const v = entity.varName;
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`);
  notFound(m, v, ctx.rng.chance(0.5));
  const issue = ctx.risk(0.7);
  if (!issue) emitConsentGuard(ctx, f, entity, v, { logRef: m.log });
  if (f.isTs && ctx.rng.chance(0.5)) {
    f.importLocal(ctx.shared.dates, 'isWithinCallingHours');
    f.importLocal(ctx.mods.config, 'config');
    const tz = entity.fields.some((x) => x.name === 'timezone') ? `${v}.timezone` : "'America/New_York'";
    f.open(`if (!isWithinCallingHours(${tz}, config.dialer.callingHours.start, config.dialer.callingHours.end)) {`);
    emitLog(ctx, f, m.log, 'info', 'outside calling hours, deferring', [[`${v}Id`, 'id']]);
    f.line('return;').close();
  }
  emitDial(ctx, f, `${v}.${entity.phone}`, issue);
  f.line(`await ${m.repo}.markStatus(id, ${statusAt(entity, 1)});`);
  emitLog(ctx, f, m.log, 'info', 'outbound call placed', [[`${v}Id`, 'id'], ['to', masked(ctx, f, `${v}.${entity.phone}`)]]);
  f.close().blank();
  return { name, kind: 'id' };
};

const dialBatch: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone) return null;
  const name = uniqueName(m, [`dialPending${cap(entity.plural)}`, `runDialerBatch`, `work${cap(entity.plural)}Queue`, `callNext${cap(entity.plural)}`]);
  const x = entity.varName.charAt(0);
  const phone = `${x}.${entity.phone}`;
  f.open(`async ${name}${sig(m, 'limit: number', 'Promise<number>')} {`);
  f.line(`const pending = await ${m.repo}.findPending(limit);`, 'let placed = 0;');
  const issue = ctx.risk(0.6);
  const style = issue ? -1 : entity.consent === 'none' ? ctx.rng.range(1, 2) : ctx.rng.int(3);
  if (style === 0) {
    f.line(`const callable = pending.filter((${x}) => ${consentAllowed(entity, x)});`);
    f.open(`for (const ${x} of callable) {`);
  } else if (style === 2) {
    f.importLocal(ctx.mods.consent, 'isOnDncList');
    f.line(`const checked = await Promise.all(pending.map(async (${x}) => ({ ${x}, blocked: await isOnDncList(${phone}) })));`);
    f.open(`for (const { ${x}, blocked } of checked) {`);
    f.line('if (blocked) continue;');
  } else {
    f.open(`for (const ${x} of pending) {`);
    if (style === 1) emitConsentGuard(ctx, f, entity, x, { inLoop: true });
  }
  f.open('try {');
  emitDial(ctx, f, phone, issue, 'result');
  f.line(`await ${m.repo}.markStatus(${x}.id, ${statusAt(entity, 1)});`, 'placed++;');
  f.mid('} catch (error) {');
  emitLog(ctx, f, m.log, 'error', 'dial failed', [[`${entity.varName}Id`, `${x}.id`], ['error', `String(error)`]]);
  f.close().close();
  emitLog(ctx, f, m.log, 'info', 'dialer batch finished', [['requested', 'limit'], ['placed', 'placed']]);
  f.line('return placed;').close().blank();
  return { name, kind: 'batch' };
};

const sendReminder: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone) return null;
  const name = uniqueName(m, [`send${entity.name}Reminder`, `notify${entity.name}`, `text${entity.name}`, `send${entity.name}Confirmation`]);
  const v = entity.varName;
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`);
  notFound(m, v, true);
  const issue = ctx.risk(0.5);
  if (!issue) emitConsentGuard(ctx, f, entity, v, { logRef: m.log });
  const text = ctx.rng.pick([
    `\`Contoso Care: your request \${${v}.id.slice(-6)} is scheduled. Reply STOP to opt out.\``,
    "'Contoso Care: we tried to reach you. Reply CALL to get a callback or STOP to opt out.'",
    `\`Reminder: reference \${${v}.id.slice(-4)}. Reply STOP to unsubscribe.\``,
  ]);
  emitSms(ctx, f, `${v}.${entity.phone}`, text, issue);
  emitLog(ctx, f, m.log, 'info', 'reminder sent', [[`${v}Id`, 'id']]);
  f.close().blank();
  return { name, kind: 'id' };
};

const syncToCrm: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  const name = uniqueName(m, [`sync${entity.name}ToCrm`, `push${entity.name}`, `upsertCrm${entity.name}`, `mirror${entity.name}`]);
  const v = entity.varName;
  f.importLocal(ctx.mods.config, 'config');
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`);
  notFound(m, v, true);
  f.open('const payload = {');
  f.line(`externalId: ${v}.id,`, `status: ${v}.status,`, `label: String(${v}.${entity.label}),`);
  if (entity.phone) f.line(`phone: ${v}.${entity.phone},`);
  if (entity.email) f.line(`email: ${v}.${entity.email},`);
  f.line('source: \'contact-center\',').close('};');
  const issue = ctx.risk(1.0);
  const url = issue ? `'http://${ctx.rng.pick(INTERNAL_HOSTS)}/api/${entity.plural}'` : `\`\${config.crm.baseUrl}/api/v2/${entity.plural}/\${encodeURIComponent(${v}.id)}\``;
  if (ctx.rng.chance(0.5)) {
    f.importDefault('axios', 'axios');
    f.open(`const response = await axios.put(`);
    f.line(`${url},`);
    if (issue) f.flag('no-plaintext-transport');
    f.line('payload,', '{ headers: { Authorization: `Bearer ${config.crm.apiKey}` }, timeout: config.crm.timeoutMs },').close(');');
    emitLog(ctx, f, m.log, 'info', 'crm sync complete', [[`${v}Id`, 'id'], ['crmId', 'response.data?.id']]);
  } else {
    f.importLocal(ctx.mods.errors, 'AppError');
    f.open(`const response = await fetch(${url}, {`);
    if (issue) f.flag('no-plaintext-transport');
    f.line("method: 'PUT',", "headers: { 'content-type': 'application/json', authorization: `Bearer ${config.crm.apiKey}` },", 'body: JSON.stringify(payload),');
    f.close('});');
    f.line('if (!response.ok) throw new AppError(`CRM sync failed with status ${response.status}`);');
    emitLog(ctx, f, m.log, 'info', 'crm sync complete', [[`${v}Id`, 'id'], ['status', 'response.status']]);
  }
  f.close().blank();
  return { name, kind: 'id' };
};

const exportCsv: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  const name = uniqueName(m, [`export${cap(entity.plural)}Csv`, `write${entity.name}Report`, `dump${cap(entity.plural)}`]);
  const x = entity.varName.charAt(0);
  f.importLocal(ctx.mods.config, 'config');
  f.importNamed('node:fs/promises', 'writeFile');
  f.importNamed('node:path', 'join');
  f.open(`async ${name}${sig(m, 'limit: number', 'Promise<number>')} {`);
  f.line(`const rows = await ${m.repo}.findPending(limit);`);
  const cols = ['id', 'status', ...(entity.phone ? [entity.phone] : []), entity.label];
  f.line(`const header = [${cols.map((c) => `'${c}'`).join(', ')}].join(',');`);
  const issue = entity.phone !== undefined && ctx.risk(0.8);
  const cells = cols.map((c) => {
    if (c === entity.phone) return issue ? `${x}.${c}` : masked(ctx, f, `${x}.${c}`);
    return c === 'id' || c === 'status' ? `${x}.${c}` : `JSON.stringify(String(${x}.${c}))`;
  });
  f.line(`const lines = rows.map((${x}) => [${cells.join(', ')}].join(','));`);
  f.line(`const file = join(config.exportsDir, \`${entity.plural}-\${new Date().toISOString().slice(0, 10)}.csv\`);`);
  f.line("await writeFile(file, [header, ...lines].join('\\n'), 'utf8');");
  if (issue) f.flag('no-plaintext-pii-storage');
  emitLog(ctx, f, m.log, 'info', 'export written', [['rows', 'rows.length'], ['file', 'file']]);
  f.line('return rows.length;').close().blank();
  return { name, kind: 'batch' };
};

const cacheRecord: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone) return null;
  const name = uniqueName(m, [`cache${entity.name}`, `remember${entity.name}`, `warm${entity.name}Cache`]);
  const v = entity.varName;
  f.importLocal(ctx.mods.redis, 'redis');
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`);
  notFound(m, v, true);
  const issue = ctx.risk(0.9);
  const key = issue ? `\`${entity.plural}:by-phone:\${${v}.${entity.phone}}\`` : `\`${entity.plural}:by-phone:\${${hashed(ctx, f, `${v}.${entity.phone}`)}}\``;
  f.line(`await redis.set(${key}, JSON.stringify({ id: ${v}.id, status: ${v}.status }), 'EX', ${ctx.rng.pick([600, 3600, 86400])});`);
  if (issue) f.flag('no-plaintext-pii-storage');
  f.close().blank();
  return { name, kind: 'id' };
};

const lookupByPhone: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone) return null;
  const name = uniqueName(m, [`find${entity.name}IdByPhone`, `resolve${entity.name}ByCaller`]);
  f.importLocal(ctx.mods.redis, 'redis');
  f.open(`async ${name}${sig(m, 'phone: string', 'Promise<string | null>')} {`);
  f.line(`const key = \`${entity.plural}:by-phone:\${${hashed(ctx, f, 'phone')}}\`;`);
  f.line('const cached = await redis.get(key);');
  f.line(`if (cached) return (JSON.parse(cached)${f.ty(' as { id: string }')}).id;`);
  f.line(`const found = await ${m.repo}.findByPhone(phone);`, 'if (!found) return null;');
  f.line("await redis.set(key, JSON.stringify({ id: found.id, status: found.status }), 'EX', 900);", 'return found.id;').close().blank();
  return { name, kind: 'other' };
};

const archiveRecording: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.recording) return null;
  const name = uniqueName(m, [`archive${entity.name}Recording`, `copyRecordingFor${entity.name}`, `store${entity.name}Audio`]);
  const v = entity.varName;
  f.importLocal(ctx.mods.config, 'config');
  f.importLocal(ctx.mods.errors, 'AppError');
  f.importNamed('@aws-sdk/client-s3', 'S3Client', 'PutObjectCommand');
  if (!m.fields.has('s3')) {
    m.fields.add('s3');
    f.line(`${f.isTs ? 'private readonly ' : ''}s3 = new S3Client({ region: config.s3.region });`).blank();
  }
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`, `if (!${v} || !${v}.${entity.recording}) return;`);
  f.line(`const download = await fetch(${v}.${entity.recording});`);
  f.line('if (!download.ok) throw new AppError(`recording download failed with ${download.status}`);');
  f.line('const body = Buffer.from(await download.arrayBuffer());');
  const issue = ctx.risk(0.9);
  f.open('await this.s3.send(');
  f.open('new PutObjectCommand({');
  f.line('Bucket: config.s3.bucket,', `Key: \`recordings/\${new Date().getUTCFullYear()}/\${${v}.id}.mp3\`,`, 'Body: body,');
  // The recording is the PII property of the written object, so the problem sits on Body.
  if (issue) f.flag('no-plaintext-pii-storage');
  f.line("ContentType: 'audio/mpeg',");
  if (!issue) f.line("ServerSideEncryption: 'aws:kms',", 'SSEKMSKeyId: config.s3.kmsKeyId,');
  f.close('}),').close(');');
  emitLog(ctx, f, m.log, 'info', 'recording archived', [[`${v}Id`, 'id'], ['bytes', 'body.length']]);
  f.close().blank();
  return { name, kind: 'id' };
};

const summarize: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.metric) return null;
  const name = uniqueName(m, [`summarize${cap(entity.plural)}`, `${entity.varName}Stats`, `compute${entity.name}Metrics`]);
  const x = entity.varName.charAt(0);
  f.open(`async ${name}${sig(m, 'limit: number', 'Promise<number>')} {`);
  f.line(`const rows = await ${m.repo}.findPending(limit);`);
  f.line(`const values = rows.map((${x}) => Number(${x}.${entity.metric})).sort((a, b) => a - b);`);
  f.line('const total = values.reduce((sum, value) => sum + value, 0);', 'const mean = values.length > 0 ? total / values.length : 0;');
  f.line('const p90 = values[Math.floor(values.length * 0.9)] ?? 0;', 'const max = values[values.length - 1] ?? 0;');
  emitLog(ctx, f, m.log, 'info', `${entity.varName} summary`, [['count', 'rows.length'], ['mean', 'mean.toFixed(1)'], ['p90', 'p90'], ['max', 'max']]);
  f.line('return rows.length;').close().blank();
  return { name, kind: 'batch' };
};

const score: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  const name = uniqueName(m, [`score${entity.name}`, `priorityOf${entity.name}`, `rank${entity.name}`]);
  const v = entity.varName;
  f.importLocalType(ctx.mods.types.get(entity.name) ?? '', entity.name);
  f.open(`${f.isTs ? 'private ' : ''}${name}${sig(m, `${v}: ${entity.name}`, 'number')} {`);
  f.line('let score = 0;');
  f.open(`switch (${v}.status) {`);
  entity.statuses.forEach((s, i) => {
    f.line(`case '${s}':`, `  score += ${(entity.statuses.length - i) * ctx.rng.range(5, 15)};`, '  break;');
  });
  f.line('default:', '  score -= 10;').close();
  if (entity.metric) f.line(`score += Math.min(50, Number(${v}.${entity.metric}) * ${ctx.rng.range(2, 9)});`);
  f.line(`return Math.max(0, Math.round(score));`).close().blank();
  return { name, kind: 'other' };
};

const escalate: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  const name = uniqueName(m, [`escalate${entity.name}`, `open${entity.name}Ticket`, `flag${entity.name}ForReview`]);
  const v = entity.varName;
  f.importLocal(ctx.mods.config, 'config');
  f.importLocal(ctx.mods.errors, 'AppError');
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`);
  notFound(m, v, false);
  f.open(`const response = await fetch(\`\${config.crm.baseUrl}/api/v2/tickets\`, {`);
  f.line("method: 'POST',", "headers: { 'content-type': 'application/json', authorization: `Bearer ${config.crm.apiKey}` },");
  f.open('body: JSON.stringify({');
  f.line(`subject: \`Escalation for ${entity.varName} \${${v}.id}\`,`, `priority: '${ctx.rng.pick(['high', 'urgent', 'normal'])}',`);
  if (entity.phone) f.line(`contact: ${masked(ctx, f, `${v}.${entity.phone}`)},`);
  f.close('}),').close('});');
  f.line('if (!response.ok) throw new AppError(`ticket creation failed: ${response.status}`);');
  f.line(`await ${m.repo}.markStatus(id, ${statusAt(entity, 2)});`).close().blank();
  return { name, kind: 'id' };
};

const verifyNumber: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone || !f.isTs) return null;
  const name = uniqueName(m, [`verify${entity.name}Number`, `normalize${entity.name}Phone`, `check${entity.name}Reachability`]);
  const v = entity.varName;
  f.importLocal(ctx.shared.phone, 'normalizeE164');
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`);
  notFound(m, v, true);
  f.line(`const normalized = normalizeE164(${v}.${entity.phone});`);
  f.open('if (!normalized) {');
  emitLog(ctx, f, m.log, 'warn', 'invalid number on record', [[`${v}Id`, 'id']]);
  f.line(`await ${m.repo}.markStatus(id, ${statusAt(entity, entity.statuses.length - 1)});`, 'return;').close();
  if (ctx.app.telephony === 'twilio') {
    f.importLocal(ctx.mods.telephony, 'twilioClient');
    f.line("const lookup = await twilioClient.lookups.v2.phoneNumbers(normalized).fetch({ fields: 'line_type_intelligence' });");
    f.line('const lineType = lookup.lineTypeIntelligence?.type ?? \'unknown\';');
  } else {
    f.line("const lineType = normalized.startsWith('+1') ? 'nanp' : 'international';");
  }
  const issue = ctx.risk(1.2);
  if (issue) emitLog(ctx, f, m.log, 'info', 'number verified', [['phone', 'normalized'], ['lineType', 'lineType']], 'no-pii-in-logs');
  else emitLog(ctx, f, m.log, 'info', 'number verified', [[`${v}Id`, 'id'], ['lineType', 'lineType']]);
  f.close().blank();
  return { name, kind: 'id' };
};

const purge: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  const name = uniqueName(m, [`purgeStale${cap(entity.plural)}`, `applyRetentionTo${cap(entity.plural)}`]);
  f.open(`async ${name}${sig(m, 'days: number', 'Promise<number>')} {`);
  f.line(`const removed = await ${m.repo}.deleteOlderThan(days);`);
  emitLog(ctx, f, m.log, 'info', 'retention applied', [['table', `'${entity.table}'`], ['removed', 'removed'], ['days', 'days']]);
  f.line('return removed;').close().blank();
  return { name, kind: 'batch' };
};

const statusReport: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  const name = uniqueName(m, [`${entity.varName}StatusReport`, `report${cap(entity.plural)}ByStatus`]);
  f.open(`async ${name}${sig(m, '', 'Promise<Record<string, number>>')} {`);
  f.line(`const counts = await ${m.repo}.countByStatus();`);
  f.line('const total = Object.values(counts).reduce((sum, n) => sum + n, 0);');
  f.line(`const shares${f.ty(': Record<string, number>')} = {};`);
  f.line('for (const [status, n] of Object.entries(counts)) shares[status] = total > 0 ? Math.round((n / total) * 1000) / 10 : 0;');
  emitLog(ctx, f, m.log, 'debug', 'status report', [['total', 'total']]);
  f.line('return shares;').close().blank();
  return { name, kind: 'other' };
};

const trackActivity: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone) return null;
  const name = uniqueName(m, [`track${entity.name}Activity`, `audit${entity.name}`, `log${entity.name}Touch`]);
  const v = entity.varName;
  f.open(`async ${name}${sig(m, 'id: string', 'Promise<void>')} {`);
  f.line(`const ${v} = await ${m.repo}.findById(id);`);
  const roll = ctx.rng.int(3);
  if (roll === 0 && ctx.risk(1.8)) {
    f.line(`if (!${v}) return;`);
    emitLog(ctx, f, m.log, 'info', `${entity.varName} touched`, [[`${v}Id`, 'id'], ['phone', `${v}.${entity.phone}`]], 'no-pii-in-logs');
  } else if (roll === 1 && ctx.risk(1.3)) {
    f.line(`if (!${v}) throw new Error(\`No ${entity.varName} \${id}\`);`);
    f.line(`if (${v}.status === ${statusAt(entity, entity.statuses.length - 1)}) throw new Error(\`${entity.name} with number \${${v}.${entity.phone}} is closed\`);`).flag('no-pii-in-logs');
  } else {
    f.line(`if (!${v}) return;`);
    emitLog(ctx, f, m.log, 'info', `${entity.varName} touched`, [[`${v}Id`, 'id'], ['phone', masked(ctx, f, `${v}.${entity.phone}`)], ['status', `${v}.status`]]);
  }
  f.close().blank();
  return { name, kind: 'id' };
};

const handleOptOut: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!entity.phone) return null;
  const name = uniqueName(m, [`handleOptOut`, `optOut${entity.name}`, `suppress${entity.name}`]);
  f.importLocal(ctx.mods.consent, 'recordOptOut');
  f.open(`async ${name}${sig(m, 'phone: string, source: string', 'Promise<void>')} {`);
  f.line('await recordOptOut(phone, source);');
  f.line(`const existing = await ${m.repo}.findByPhone(phone);`);
  f.line(`if (existing) await ${m.repo}.markStatus(existing.id, ${statusAt(entity, entity.statuses.length - 1)});`);
  emitLog(ctx, f, m.log, 'info', 'opt-out recorded', [['source', 'source'], ['phone', masked(ctx, f, 'phone')]]);
  f.close().blank();
  return { name, kind: 'other' };
};

const retryFailed: MethodTemplate = (m) => {
  const { f, ctx, entity } = m;
  if (!f.isTs) return null;
  const name = uniqueName(m, [`retryStuck${cap(entity.plural)}`, `requeue${cap(entity.plural)}`]);
  f.importLocal(ctx.shared.retry, 'withRetry');
  f.importLocal(ctx.shared.collections, 'chunk');
  f.open(`async ${name}${sig(m, 'limit: number', 'Promise<number>')} {`);
  f.line(`const stuck = await ${m.repo}.findPending(limit);`, 'let done = 0;');
  f.open(`for (const batch of chunk(stuck, ${ctx.rng.pick([10, 25, 50])})) {`);
  f.line(`await Promise.all(batch.map((item) => withRetry(() => ${m.repo}.markStatus(item.id, ${statusAt(entity, 0)}), { attempts: 3 })));`);
  f.line('done += batch.length;').close();
  emitLog(ctx, f, m.log, 'info', 'requeued', [['count', 'done']]);
  f.line('return done;').close().blank();
  return { name, kind: 'batch' };
};

const TEMPLATES: [MethodTemplate, number][] = [
  [dialOne, 3], [dialBatch, 2], [sendReminder, 2], [syncToCrm, 2], [exportCsv, 1], [cacheRecord, 1], [lookupByPhone, 1],
  [archiveRecording, 2], [summarize, 2], [score, 2], [escalate, 1], [verifyNumber, 1], [purge, 1], [statusReport, 1],
  [trackActivity, 2], [handleOptOut, 1], [retryFailed, 1],
];

export function writeService(ctx: GenContext, f: SourceFile, entity: EntitySpec, className: string, targetLines: number): ServiceRef {
  const repos = ctx.mods.repos.get(entity.name) ?? [];
  const repo = ctx.rng.pick(repos);
  f.importLocal(repo.path, repo.className);
  if (ctx.app.framework === 'nest' && f.isTs) {
    f.importNamed('@nestjs/common', 'Injectable');
    f.line('@Injectable()');
  }
  f.open(`${f.exp(className)}class ${className} {`);
  const log = classLogger(ctx, f, className);
  const repoField = ctx.rng.pick([entity.plural, `${entity.varName}Repository`, 'repository', 'store']);
  if (f.isTs) {
    f.line(`constructor(private readonly ${repoField}: ${repo.className}) {}`).blank();
  } else {
    f.open(`constructor(${repoField}) {`).line(`this.${repoField} = ${repoField};`).close().blank();
  }
  const m: MethodCtx = { ctx, f, entity, repo: `this.${repoField}`, log, used: new Set(), fields: new Set() };
  const ref: ServiceRef = { path: f.path, className, entity, repo, idMethods: [], batchMethods: [] };
  let guard = 0;
  while ((f.lineCount < targetLines || m.used.size < 2) && guard++ < 40) {
    const template = ctx.rng.weighted(TEMPLATES);
    const made = template(m);
    if (!made) continue;
    m.used.add(made.name);
    if (made.kind === 'id') ref.idMethods.push(made.name);
    else if (made.kind === 'batch') ref.batchMethods.push(made.name);
  }
  f.close();
  return ref;
}
