import https from 'node:https';
import tls from 'node:tls';
import { ctiBridgeAgent, vaultSocketOptions } from '../lib/tls';

export interface ScreenPop {
  agentId: string;
  callId: string;
  callerNumber: string;
  accountRef?: string;
}

/** Screen-pop on the agent's legacy CRM window via the old CTI bridge. */
export function sendScreenPop(pop: ScreenPop): Promise<void> {
  const body = JSON.stringify(pop);
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: 'cti-bridge.pbx.example.net', port: 8443, path: '/screenpop', method: 'POST', agent: ctiBridgeAgent, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        if ((res.statusCode ?? 500) < 300) resolve();
        else reject(new Error(`screen-pop answered ${res.statusCode}`));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Stream a finished call's recording to the vault's ingest port. */
export function shipRecording(callId: string, audio: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(vaultSocketOptions(), () => {
      const header = Buffer.from(JSON.stringify({ callId, bytes: audio.length }) + '\n', 'utf8');
      socket.end(Buffer.concat([header, audio]), () => resolve());
    });
    socket.on('error', reject);
  });
}
