/**
 * IVR flows: a menu tree as data, digit resolution, and provider-specific rendering
 * (TwiML, Plivo XML, Vonage NCCO, jambonz verbs, or sound plans for ARI/ESL runners).
 */
import type { GenContext } from '../context.js';
import type { SourceFile } from '../writer.js';
import { QUEUES } from '../vocab.js';

const MENU_IDS = ['root', 'billing', 'payments', 'appointments', 'support', 'technical', 'orders', 'claims', 'pharmacy', 'outages', 'spanish', 'callback'];

const PROMPTS: Record<string, string> = {
  root: 'Thanks for calling. For billing, press 1. For appointments, press 2. For technical support, press 3.',
  billing: 'For your balance, press 1. To make a payment, press 2. To speak with billing, press 0.',
  payments: 'To pay with a card on file, press 1. To set up a payment plan, press 2.',
  appointments: 'To confirm an appointment, press 1. To reschedule, press 2. To cancel, press 3.',
  support: 'For account help, press 1. For a service outage, press 2. To return to the main menu, press star.',
  technical: 'If your device does not power on, press 1. For connection problems, press 2.',
  orders: 'To track an order, press 1. For returns, press 2.',
  claims: 'To start a new claim, press 1. To check the status of a claim, press 2.',
  pharmacy: 'To refill a prescription, press 1. To speak with a pharmacist, press 2.',
  outages: 'We are aware of an outage in some areas. To get a text when service is restored, press 1.',
  spanish: 'Para espanol, oprima nueve. Para facturacion, oprima uno.',
  callback: 'To receive a callback instead of waiting, press 1. To keep holding, press 2.',
};

export function writeIvr(ctx: GenContext, f: SourceFile, targetLines: number): void {
  const { rng, app } = ctx;
  const ts = f.isTs;
  const ids = ['root', ...rng.sample(MENU_IDS.slice(1), rng.range(4, 9))];
  const queues = rng.sample(QUEUES, 4);
  f.importLocal(ctx.mods.config, 'config');
  if (ts) {
    f.line(`export type MenuId = ${ids.map((id) => `'${id}'`).join(' | ')};`);
    f.line("export type MenuTarget = MenuId | { queue: string } | 'voicemail' | 'repeat' | 'agent';").blank();
    f.open('interface MenuNode {');
    f.line('prompt: string;', 'options: Record<string, MenuTarget>;', 'maxRetries: number;', 'timeoutSeconds: number;').close().blank();
  }
  f.open(`${f.exp('MENUS')}const MENUS${f.ty(': Record<MenuId, MenuNode>')} = {`);
  for (const id of ids) {
    f.open(`${id}: {`);
    f.line(`prompt: '${(PROMPTS[id] ?? PROMPTS.root ?? '').replace(/'/g, "\\'")}',`);
    const options: string[] = [];
    const children = ids.filter((x) => x !== id && x !== 'root');
    const n = rng.range(2, 4);
    for (let d = 1; d <= n; d++) {
      const roll = rng.int(4);
      const target = roll === 0 ? `{ queue: '${rng.pick(queues)}' }` : roll === 1 && children.length > 0 ? `'${rng.pick(children)}'` : roll === 2 ? "'voicemail'" : "'agent'";
      options.push(`'${d}': ${target}`);
    }
    options.push(id === 'root' ? "'0': 'agent'" : "'*': 'root'");
    f.line(`options: { ${options.join(', ')} },`, `maxRetries: ${rng.range(1, 3)},`, `timeoutSeconds: ${rng.range(4, 8)},`);
    f.close('},');
  }
  f.close('};').blank();

  f.open(`${f.exp('resolveDigits')}function resolveDigits(current${f.ty(': MenuId')}, digits${f.ty(': string')})${f.ty(': MenuTarget')} {`);
  f.line('const node = MENUS[current];', "const key = digits.trim().slice(0, 1);", "return node.options[key] ?? 'repeat';").close().blank();

  f.open(`${f.exp('isMenuId')}function isMenuId(value${f.ty(': string')})${f.ty(': value is MenuId')} {`);
  f.line('return Object.prototype.hasOwnProperty.call(MENUS, value);').close().blank();

  const holidays = rng.sample(['01-01', '05-27', '07-04', '09-02', '11-28', '12-24', '12-25', '12-31'], 5);
  f.open(`${f.exp('holidayGreeting')}function holidayGreeting(at${f.ty(': Date')})${f.ty(': string | null')} {`);
  f.line("const key = `${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`;");
  f.open('switch (key) {');
  for (const h of holidays) f.line(`case '${h}':`, `  return 'Our offices are closed today. Please leave a message and we will return your call on the next business day.';`);
  f.line('default:', '  return null;').close().close().blank();

  const open = rng.pick([7, 8, 9]);
  const close = rng.pick([18, 19, 20, 21]);
  f.open(`${f.exp('isOpen')}function isOpen(at${f.ty(': Date')} = new Date())${f.ty(': boolean')} {`);
  f.line(`const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: '${rng.pick(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])}', hour: 'numeric', hourCycle: 'h23' }).format(at));`);
  f.line('const day = at.getUTCDay();', `if (day === 0${rng.chance(0.5) ? ' || day === 6' : ''}) return false;`);
  f.line(`return hour >= ${open} && hour < ${close} && holidayGreeting(at) === null;`).close().blank();

  const url = (path: string): string => {
    if (ctx.risk(0.35)) return `'http://${app.name}.contoso-care.com${path}'`;
    return `\`\${config.publicBaseUrl}${path}\``;
  };
  const flagIfHttp = (u: string): void => {
    if (u.startsWith("'http://")) f.flag('no-plaintext-transport');
  };
  switch (app.telephony) {
    case 'twilio': {
      f.importLocal(ctx.mods.telephony, 'VoiceResponse');
      f.open(`${f.exp('renderMenu')}function renderMenu(id${f.ty(': MenuId')}, attempt = 0, language = 'en-US')${f.ty(': string')} {`);
      f.line('const node = MENUS[id];', 'const twiml = new VoiceResponse();');
      f.open('if (attempt > node.maxRetries) {');
      f.line("twiml.say({ language }, 'Let me connect you with someone who can help.');", "twiml.redirect({ method: 'POST' }, '/ivr/agent');", 'return twiml.toString();').close();
      const action = url('/ivr/digits');
      f.line(`const gather = twiml.gather({ input: ['dtmf', 'speech'], numDigits: 1, timeout: node.timeoutSeconds, action: ${action}, language });`);
      flagIfHttp(action);
      f.line("gather.say({ voice: 'Polly.Joanna', language }, node.prompt);", "twiml.redirect({ method: 'POST' }, `/ivr/menu/${id}?attempt=${attempt + 1}`);");
      f.line('return twiml.toString();').close().blank();
      f.open(`${f.exp('renderQueue')}function renderQueue(queue${f.ty(': string')})${f.ty(': string')} {`);
      f.line('const twiml = new VoiceResponse();', "twiml.say('Please hold while we connect you.');");
      f.line("twiml.enqueue({ waitUrl: '/ivr/hold-music', waitUrlMethod: 'GET' }, queue);", 'return twiml.toString();').close().blank();
      const cb = url('/voicemail/saved');
      f.open(`${f.exp('renderVoicemail')}function renderVoicemail()${f.ty(': string')} {`);
      f.line('const twiml = new VoiceResponse();', "twiml.say('Please leave a message after the tone.');");
      f.line(`twiml.record({ maxLength: ${rng.pick([60, 120, 180])}, playBeep: true, trim: 'trim-silence', recordingStatusCallback: ${cb}, recordingStatusCallbackEvent: ['completed'] });`);
      flagIfHttp(cb);
      f.line('return twiml.toString();').close();
      break;
    }
    case 'plivo': {
      f.importLocal(ctx.mods.telephony, 'PlivoResponse');
      f.open(`${f.exp('renderMenu')}function renderMenu(id${f.ty(': MenuId')}, attempt = 0, language = 'en-US')${f.ty(': string')} {`);
      f.line('const node = MENUS[id];', 'const response = new PlivoResponse();');
      f.open('if (attempt > node.maxRetries) {');
      f.line("response.addRedirect('/ivr/agent');", 'return response.toXML();').close();
      const action = url('/ivr/digits');
      f.line(`const digits = response.addGetDigits({ action: ${action}, method: 'POST', numDigits: 1, timeout: node.timeoutSeconds });`);
      flagIfHttp(action);
      f.line('digits.addSpeak(node.prompt, { language });', "response.addRedirect(`/ivr/menu/${id}?attempt=${attempt + 1}`);", 'return response.toXML();').close().blank();
      f.open(`${f.exp('renderQueue')}function renderQueue(queue${f.ty(': string')})${f.ty(': string')} {`);
      f.line('const response = new PlivoResponse();', "response.addSpeak('Please hold while we connect you.');");
      f.line("response.addConference(queue, { waitSound: '/ivr/hold-music', startConferenceOnEnter: false });", 'return response.toXML();').close();
      break;
    }
    case 'vonage':
    case 'jambonz': {
      const vonage = app.telephony === 'vonage';
      f.open(`${f.exp('renderMenu')}function renderMenu(id${f.ty(': MenuId')}, attempt = 0, language = 'en-US')${f.ty(': Record<string, unknown>[]')} {`);
      f.line('const node = MENUS[id];');
      f.open('if (attempt > node.maxRetries) {');
      f.line(vonage ? "return [{ action: 'talk', text: 'Connecting you to an agent.' }, { action: 'conversation', name: 'agents' }];" : "return [{ verb: 'say', text: 'Connecting you to an agent.' }, { verb: 'enqueue', name: 'agents' }];").close();
      const hook = url('/ivr/digits');
      f.open('return [');
      f.line(vonage ? "{ action: 'talk', text: node.prompt, language, bargeIn: true }," : "{ verb: 'say', text: node.prompt, synthesizer: { language } },");
      f.line(vonage
        ? `{ action: 'input', type: ['dtmf'], dtmf: { maxDigits: 1, timeOut: node.timeoutSeconds }, eventUrl: [${hook}] },`
        : `{ verb: 'gather', input: ['digits'], numDigits: 1, timeout: node.timeoutSeconds, actionHook: ${hook} },`);
      flagIfHttp(hook);
      f.close('];').close().blank();
      f.open(`${f.exp('renderQueue')}function renderQueue(queue${f.ty(': string')})${f.ty(': Record<string, unknown>[]')} {`);
      f.line(vonage ? "return [{ action: 'talk', text: 'Please hold.' }, { action: 'conversation', name: queue, musicOnHoldUrl: ['https://cdn.contoso-care.com/hold.mp3'] }];" : "return [{ verb: 'say', text: 'Please hold.' }, { verb: 'enqueue', name: queue, waitHook: '/ivr/hold' }];");
      f.close();
      break;
    }
    default: {
      f.open(`${f.exp('soundPlan')}function soundPlan(id${f.ty(': MenuId')}, attempt = 0)${f.ty(': { sounds: string[]; maxDigits: number; timeoutMs: number }')} {`);
      f.line('const node = MENUS[id];');
      f.line("if (attempt > node.maxRetries) return { sounds: ['custom/transferring'], maxDigits: 0, timeoutMs: 0 };");
      f.line("return { sounds: [`custom/menu-${id}`, ...(attempt > 0 ? ['custom/invalid-option'] : [])], maxDigits: 1, timeoutMs: node.timeoutSeconds * 1000 };");
      f.close();
    }
  }
  // Extra flows until the file reaches its size: retry policies, per-queue wait messages.
  let n = 0;
  while (f.lineCount < targetLines && n < 12) {
    const q = queues[n % queues.length] ?? 'support';
    const fname = `${q}WaitMessage${n > 3 ? n : ''}`;
    f.blank().open(`${f.exp(fname)}function ${fname}(position${f.ty(': number')}, averageWaitSeconds${f.ty(': number')})${f.ty(': string')} {`);
    f.line('const minutes = Math.max(1, Math.round((position * averageWaitSeconds) / 60));');
    f.line(`if (position <= 1) return 'You are next in line for ${q}.';`);
    f.line(`if (minutes > ${rng.pick([10, 15, 20])}) return 'Wait times are longer than usual. Press 1 at any time to request a callback.';`);
    f.line(`return \`You are number \${position} in the ${q} queue. The expected wait is about \${minutes} minutes.\`;`).close();
    n++;
  }
}
