/** A small call-center workspace for the language-server tests: bad files, safe look-alikes, a helper used across files. */
export const FIXTURE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', private: true, type: 'module' }, null, 2),
  'src/mask.ts': [
    'export function maskPhone(phone: string): string {',
    "  return phone.slice(-2).padStart(phone.length, '•');",
    '}',
    '',
  ].join('\n'),
  // Helper whose return value carries the number: its callers' logs leak it.
  'src/format.ts': [
    'export function describeCaller(phone: string): string {',
    "  return 'caller ' + phone;",
    '}',
    '',
  ].join('\n'),
  // Nothing here looks like PII: the number is only known to be one inside the helper.
  'src/calls.ts': [
    "import { describeCaller } from './format';",
    '',
    'export function onIncomingCall(callRef: string) {',
    '  console.log(describeCaller(callRef));',
    '}',
    '',
  ].join('\n'),
  'src/bad.ts': [
    'export async function notify(phone: string) {',
    '  console.log(`calling ${phone}`);',
    "  await fetch('http://crm.acme-telecom.com/calls');",
    '}',
    '',
  ].join('\n'),
  'src/safe.ts': [
    "import { maskPhone } from './mask';",
    '',
    'export async function notify(phone: string) {',
    '  console.log(`calling ${maskPhone(phone)}`);',
    "  await fetch('https://crm.acme-telecom.com/calls');",
    '}',
    '',
  ].join('\n'),
};

/** The helper after it learns to mask: calls.ts no longer leaks. */
export const MASKED_FORMAT = [
  "import { maskPhone } from './mask';",
  '',
  'export function describeCaller(phone: string): string {',
  "  return 'caller ' + maskPhone(phone);",
  '}',
  '',
].join('\n');

/** Files that only make a workspace big enough for a scan to be cancelled midway. */
export function fillerFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`src/filler/agent-${i}.ts`] = [
      `export function routeCall${i}(queue: string, agentId: string): string {`,
      '  const target = queue.trim();',
      '  return `${target}:${agentId}`;',
      '}',
      '',
    ].join('\n');
  }
  return files;
}
