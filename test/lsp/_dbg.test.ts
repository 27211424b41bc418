import { it } from 'vitest';
import { FIXTURE } from './fixture.js';
import { startSession } from './harness.js';
it('dbg', async () => {
  const s = await startSession(FIXTURE);
  const p = s.diagnostics('src/calls.ts');
  await s.open('src/calls.ts');
  console.log(JSON.stringify(await p, null, 1));
  await s.dispose();
});
