/**
 * Background processes: BullMQ workers, cron schedules, SQS consumers, and telephony event
 * loops on Asterisk ARI and FreeSWITCH ESL (with their own caller-number sources and
 * originate calls).
 */
import type { GenContext, ServiceRef } from '../context.js';
import { cap, emitConsentGuard, emitDial, emitLog, hashed, masked, moduleLogger } from '../context.js';
import type { SourceFile } from '../writer.js';
import { kebab } from '../vocab.js';

function instantiate(f: SourceFile, ref: ServiceRef, name: string): void {
  f.importLocal(ref.path, ref.className);
  f.importLocal(ref.repo.path, ref.repo.className);
  f.line(`const ${name} = new ${ref.className}(new ${ref.repo.className}());`);
}

export function writeQueueWorker(ctx: GenContext, f: SourceFile, ref: ServiceRef, targetLines: number): void {
  const { rng } = ctx;
  const queue = `${kebab(ref.entity.name)}-${rng.pick(['jobs', 'tasks', 'actions', 'work'])}`;
  const base = `${ref.entity.varName}${rng.pick(['Jobs', 'Tasks', 'Work'])}`;
  f.importNamed('bullmq', 'Queue', 'Worker');
  f.importType('bullmq', 'Job');
  f.importLocal(ctx.mods.config, 'config');
  const log = moduleLogger(ctx, f);
  instantiate(f, ref, 'service');
  f.line('const connection = { url: config.redisUrl };').blank();
  f.line(`${f.exp(`${base}Queue`)}const ${base}Queue = new Queue('${queue}', { connection });`).blank();
  f.open(`${f.exp(`${base}Worker`)}const ${base}Worker = new Worker(`);
  f.line(`'${queue}',`);
  f.open(`async (job${f.ty(': Job')}) => {`);
  f.line(`const { id } = job.data${f.ty(' as { id: string }')};`);
  f.open('switch (job.name) {');
  for (const m of ref.idMethods) f.line(`case '${kebab(m)}':`, `  await service.${m}(id);`, '  break;');
  for (const m of ref.batchMethods) f.line(`case '${kebab(m)}':`, `  await service.${m}(${rng.pick([50, 100, 200])});`, '  break;');
  f.line('default:');
  f.depthIn();
  emitLog(ctx, f, log, 'warn', 'unknown job', [['name', 'job.name'], ['jobId', 'job.id']]);
  f.depthOut();
  f.close().close('},');
  f.line('{ connection, concurrency: config.dialer.maxConcurrent },').close(');').blank();
  f.open(`${base}Worker.on('failed', (job${f.ty(': Job | undefined')}, error${f.ty(': Error')}) => {`);
  emitLog(ctx, f, log, 'error', 'job failed', [['jobId', 'job?.id'], ['name', 'job?.name'], ['error', 'error.message']]);
  f.close('});').blank();
  f.open(`${base}Worker.on('completed', (job${f.ty(': Job')}) => {`);
  emitLog(ctx, f, log, 'debug', 'job completed', [['jobId', 'job.id'], ['name', 'job.name']]);
  f.close('});').blank();
  f.open(`${f.exp(`enqueue${cap(base)}`)}async function enqueue${cap(base)}(action${f.ty(': string')}, id${f.ty(': string')}, delayMs = 0)${f.ty(': Promise<void>')} {`);
  f.line(`await ${base}Queue.add(action, { id }, { delay: delayMs, attempts: ${rng.pick([3, 5])}, backoff: { type: 'exponential', delay: ${rng.pick([2000, 5000, 10000])} }, removeOnComplete: 1000 });`);
  f.close();
  if (ref.entity.phone && f.lineCount < targetLines) {
    // A direct dial job that carries the number in its payload.
    const e = ref.entity;
    f.blank().open(`${f.exp(`${base}DialWorker`)}const ${base}DialWorker = new Worker(`);
    f.line(`'${queue}-dial',`);
    f.open(`async (job${f.ty(': Job')}) => {`);
    f.line(`const { ${e.varName} } = job.data${f.ty(` as { ${e.varName}: { id: string; ${e.phone}: string } }`)};`);
    const issue = ctx.risk(0.6);
    if (!issue) {
      f.importLocal(ctx.mods.consent, 'hasConsent');
      f.open(`if (!(await hasConsent(${e.varName}.${e.phone}))) {`);
      emitLog(ctx, f, log, 'info', 'dial job dropped: no consent', [['jobId', 'job.id']]);
      f.line('return;').close();
    }
    emitDial(ctx, f, `${e.varName}.${e.phone}`, issue);
    emitLog(ctx, f, log, 'info', 'dial job placed', [['jobId', 'job.id'], [`${e.varName}Id`, `${e.varName}.id`]]);
    f.close('},');
    f.line('{ connection, concurrency: 2, limiter: { max: 10, duration: 1000 } },').close(');');
  }
}

export function writeCron(ctx: GenContext, f: SourceFile, refs: ServiceRef[]): void {
  const { rng } = ctx;
  f.importDefault('node-cron', 'cron');
  const log = moduleLogger(ctx, f);
  refs.forEach((ref, i) => instantiate(f, ref, `service${i}`));
  f.line(`const running = new Set${f.ty('<string>')}();`).blank();
  f.open(`async function exclusive(name${f.ty(': string')}, task${f.ty(': () => Promise<number>')})${f.ty(': Promise<void>')} {`);
  f.line('if (running.has(name)) return;', 'running.add(name);', 'const started = Date.now();');
  f.open('try {');
  f.line('const processed = await task();');
  emitLog(ctx, f, log, 'info', 'scheduled task finished', [['name', 'name'], ['processed', 'processed'], ['ms', 'Date.now() - started']]);
  f.mid('} catch (error) {');
  emitLog(ctx, f, log, 'error', 'scheduled task failed', [['name', 'name'], ['error', 'String(error)']]);
  f.mid('} finally {').line('running.delete(name);').close().close().blank();
  f.open(`${f.exp('startSchedules')}function startSchedules()${f.ty(': void')} {`);
  refs.forEach((ref, i) => {
    for (const m of ref.batchMethods) {
      const expr = rng.pick(['*/5 * * * *', '*/15 * * * *', '0 * * * *', '30 2 * * *', '*/2 8-20 * * 1-5']);
      f.line(`cron.schedule('${expr}', () => exclusive('${kebab(m)}', () => service${i}.${m}(${rng.pick([100, 250, 500])})), { timezone: '${rng.pick(['America/New_York', 'America/Chicago', 'UTC'])}' });`);
    }
    for (const m of ref.idMethods.slice(0, 1)) {
      f.line(`cron.schedule('0 9 * * 1-5', () => exclusive('${kebab(m)}-sweep', async () => {`);
      f.line(`  const ids = await new ${ref.repo.className}().findPending(50);`);
      f.line(`  for (const item of ids) await service${i}.${m}(item.id);`, '  return ids.length;', '}));');
    }
  });
  emitLog(ctx, f, log, 'info', 'schedules registered', [['count', String(refs.length)]]);
  f.close();
}

export function writeSqsConsumer(ctx: GenContext, f: SourceFile, ref: ServiceRef): void {
  f.importNamed('@aws-sdk/client-sqs', 'SQSClient', 'ReceiveMessageCommand', 'DeleteMessageCommand');
  f.importLocal(ctx.mods.config, 'config');
  const log = moduleLogger(ctx, f);
  instantiate(f, ref, 'service');
  f.line('const sqs = new SQSClient({ region: config.s3.region });', 'let stopping = false;').blank();
  f.open(`${f.exp('stopConsumer')}function stopConsumer()${f.ty(': void')} {`).line('stopping = true;').close().blank();
  f.open(`${f.exp('consumeEvents')}async function consumeEvents(queueUrl${f.ty(': string')})${f.ty(': Promise<void>')} {`);
  f.open('while (!stopping) {');
  f.line('const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));');
  f.open('for (const message of Messages) {');
  f.line(`const event = JSON.parse(message.Body ?? '{}')${f.ty(' as { type?: string; id?: string }')};`);
  f.open('try {');
  f.open('switch (event.type) {');
  for (const m of ref.idMethods) f.line(`case '${ref.entity.varName}.${kebab(m)}':`, `  if (event.id) await service.${m}(event.id);`, '  break;');
  f.line('default:');
  f.depthIn();
  emitLog(ctx, f, log, 'debug', 'ignored event', [['type', 'event.type']]);
  f.depthOut();
  f.close();
  f.line('await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));');
  f.mid('} catch (error) {');
  emitLog(ctx, f, log, 'error', 'event handling failed', [['messageId', 'message.MessageId'], ['error', 'String(error)']]);
  f.close().close().close().close();
}

/** Asterisk ARI Stasis app: inbound caller handling and guarded callbacks. */
export function writeAriApp(ctx: GenContext, f: SourceFile): void {
  const { rng, app } = ctx;
  const log = moduleLogger(ctx, f);
  f.importLocal(ctx.mods.telephony, 'connectAri');
  f.importType('ari-client', 'Channel', 'StasisStart', 'Client');
  const entity = app.entities.find((e) => e.phone) ?? app.entities[0];
  const repo = entity ? ctx.mods.repos.get(entity.name)?.[0] : undefined;
  if (repo) f.importLocal(repo.path, repo.className);
  f.open(`async function handleCall(client${f.ty(': Client')}, event${f.ty(': StasisStart')}, channel${f.ty(': Channel')})${f.ty(': Promise<void>')} {`);
  f.line('const callerNumber = channel.caller.number;', 'const callerName = channel.caller.name;');
  if (ctx.risk(1.5)) emitLog(ctx, f, log, 'info', 'stasis start', [['channel', 'channel.id'], ['caller', 'callerNumber']], 'no-pii-in-logs');
  else emitLog(ctx, f, log, 'info', 'stasis start', [['channel', 'channel.id'], ['caller', masked(ctx, f, 'callerNumber')], ['hasName', 'Boolean(callerName)']]);
  f.line('await channel.answer();');
  if (repo && entity?.phone) {
    f.line(`const known = await new ${repo.className}().findByPhone(callerNumber);`);
    f.line(`const media = known ? 'sound:welcome-back' : 'sound:${rng.pick(['hello-world', 'welcome', 'tt-monkeys'])}';`);
  } else {
    f.line("const media = 'sound:welcome';");
  }
  f.line('const playback = client.Playback();', 'await channel.play({ media }, playback);');
  f.line(`await channel.setChannelVar({ variable: 'CDR(userfield)', value: event.application });`);
  f.line("await client.channels.continueInDialplan({ channelId: channel.id, context: 'queues', extension: 's', priority: 1 });").close().blank();
  f.open(`${f.exp('startStasisApp')}async function startStasisApp()${f.ty(': Promise<void>')} {`);
  f.line('const client = await connectAri();');
  f.open(`client.on('StasisStart', (event${f.ty(': StasisStart')}, channel${f.ty(': Channel')}) => {`);
  f.open('handleCall(client, event, channel).catch((error) => {');
  emitLog(ctx, f, log, 'error', 'call handling failed', [['channel', 'channel.id'], ['error', 'String(error)']]);
  f.line("channel.hangup().catch(() => undefined);").close('});').close('});');
  f.open(`client.on('StasisEnd', (_event${f.ty(': unknown')}, channel${f.ty(': Channel')}) => {`);
  emitLog(ctx, f, log, 'debug', 'stasis end', [['channel', 'channel.id']]);
  f.close('});');
  f.line(`client.start('${app.name}');`).close();
  if (entity?.phone && repo) {
    f.blank().open(`${f.exp('originateCallbacks')}async function originateCallbacks(limit = 20)${f.ty(': Promise<number>')} {`);
    f.line(`const due = await new ${repo.className}().findPending(limit);`, 'let placed = 0;');
    f.open(`for (const ${entity.varName} of due) {`);
    const issue = ctx.risk(0.6);
    if (!issue) emitConsentGuard(ctx, f, entity, entity.varName, { inLoop: true });
    emitDial(ctx, f, `${entity.varName}.${entity.phone}`, issue, 'channel');
    f.line('placed++;').close().line('return placed;').close();
  }
}

/** FreeSWITCH ESL listener: hangup events into Redis, with the caller number hashed. */
export function writeEslListener(ctx: GenContext, f: SourceFile): void {
  const log = moduleLogger(ctx, f);
  f.importLocal(ctx.mods.telephony, 'connectEsl');
  f.importLocal(ctx.mods.redis, 'redis');
  f.importType('modesl', 'Event');
  f.open(`${f.exp('listenForHangups')}async function listenForHangups()${f.ty(': Promise<void>')} {`);
  f.line('const conn = await connectEsl();', "conn.events('json', 'CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE');");
  f.open(`conn.on('esl::event::CHANNEL_HANGUP_COMPLETE::*', async (evt${f.ty(': Event')}) => {`);
  f.line("const uuid = evt.getHeader('Unique-ID');", "const caller = evt.getHeader('Caller-Caller-ID-Number');");
  f.line("const billsec = Number(evt.getHeader('variable_billsec') ?? 0);", "const cause = evt.getHeader('Hangup-Cause');");
  const storeIssue = ctx.risk(1.0);
  const callerValue = storeIssue ? 'caller' : hashed(ctx, f, 'caller');
  f.line(`await redis.hset(\`call:\${uuid}\`, { billsec, cause, caller: ${callerValue} });`);
  if (storeIssue) f.flag('no-plaintext-pii-storage');
  f.line('await redis.expire(`call:${uuid}`, 86_400);');
  if (ctx.risk(1.2)) emitLog(ctx, f, log, 'info', 'hangup', [['uuid', 'uuid'], ['caller', 'caller'], ['billsec', 'billsec']], 'no-pii-in-logs');
  else emitLog(ctx, f, log, 'info', 'hangup', [['uuid', 'uuid'], ['caller', masked(ctx, f, 'caller')], ['billsec', 'billsec'], ['cause', 'cause']]);
  f.close('});');
  f.open(`conn.on('esl::event::CHANNEL_ANSWER::*', (evt${f.ty(': Event')}) => {`);
  emitLog(ctx, f, log, 'debug', 'answered', [['uuid', "evt.getHeader('Unique-ID')"]]);
  f.close('});').close();
  const entity = ctx.app.entities.find((e) => e.phone);
  const repo = entity ? ctx.mods.repos.get(entity.name)?.[0] : undefined;
  if (entity?.phone && repo) {
    f.importLocal(repo.path, repo.className);
    f.blank().open(`${f.exp('originatePending')}async function originatePending(limit = 10)${f.ty(': Promise<void>')} {`);
    f.line(`const rows = await new ${repo.className}().findPending(limit);`);
    f.open(`for (const row of rows) {`);
    const issue = ctx.risk(0.6);
    if (!issue) emitConsentGuard(ctx, f, entity, 'row', { inLoop: true });
    emitDial(ctx, f, `row.${entity.phone}`, issue, 'reply');
    emitLog(ctx, f, log, 'debug', 'originate sent', [['rowId', 'row.id'], ['reply', "String(reply?.getBody?.() ?? '')"]]);
    f.close().close();
  }
}
