// SIP plumbing of the contact centre: agent softphone config, carrier trunks, drachtio health checks.
import Srf from 'drachtio-srf';
import twilio from 'twilio';
import { UserAgent } from 'sip.js';
import type { Request, Response } from 'express';

interface SipTrunk {
  name: string;
  proxy: string;
  transport: 'udp' | 'tcp' | 'tls' | 'wss'; // safe: a type, not a setting
}

export function agentUserAgent(extension: string, password: string): UserAgent {
  return new UserAgent({
    uri: UserAgent.makeURI(`sip:${extension}@pbx.acme-contact.com`), // $ Alert[no-plaintext-transport]
    transportOptions: { server: 'wss://pbx.acme-contact.com:8089/ws' }, // safe: wss
    authorizationUsername: extension,
    authorizationPassword: password,
  });
}

export function agentUserAgentSecure(extension: string, password: string): UserAgent {
  return new UserAgent({
    uri: UserAgent.makeURI(`sips:${extension}@pbx.acme-contact.com`), // safe: sips
    transportOptions: { server: 'wss://pbx.acme-contact.com:8089/ws' }, // safe: wss
    authorizationUsername: extension,
    authorizationPassword: password,
  });
}

export const carrierOne: SipTrunk = {
  name: 'carrier-one',
  proxy: 'sip:sbc.carrier-one.net:5060', // $ Alert[no-plaintext-transport]
  transport: 'udp', // $ Alert[no-plaintext-transport]
};

export const carrierTwo: SipTrunk = {
  name: 'carrier-two',
  proxy: 'sips:sbc.carrier-two.net:5061', // safe: sips
  transport: 'tls', // safe: TLS transport
};

export const backupTrunk: SipTrunk = {
  name: 'carrier-backup',
  proxy: 'sips:sbc.carrier-backup.net:5061', // safe: sips
  transport: 'tcp', // $ Alert[no-plaintext-transport]
};

export const webrtcGateway: SipTrunk = {
  name: 'webrtc-gateway',
  proxy: 'sips:gw.acme-contact.com', // safe: sips
  transport: 'wss', // safe: secure WebSocket transport
};

const srf = new Srf();
srf.connect({ host: process.env.DRACHTIO_HOST ?? '127.0.0.1', port: 9022, secret: process.env.DRACHTIO_SECRET ?? '' });

// OPTIONS pings keep the trunks' health status.
export function pingCarriers(): void {
  srf.request('sip:sbc.carrier-one.net', { method: 'OPTIONS' }); // $ Alert[no-plaintext-transport]
  srf.request('sips:sbc.carrier-two.net:5061', { method: 'OPTIONS' }); // safe: sips
  console.warn('sip: OPTIONS to carrier-one timed out, marking trunk down'); // safe: log text
  console.info('probing sip:sbc.carrier-one.net every 30 s'); // safe: log text mentioning a URI
}

// Twilio Elastic SIP Trunking: where Twilio sends our outbound calls.
export async function addOriginationUrl(trunkSid: string): Promise<void> {
  const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
  await client.trunking.v1.trunks(trunkSid).originationUrls.create({
    friendlyName: 'pbx-primary',
    sipUrl: 'sip:pbx.acme-contact.com:5060', // $ Alert[no-plaintext-transport]
    weight: 10,
    priority: 10,
    enabled: true,
  });
  await client.trunking.v1.trunks(trunkSid).originationUrls.create({
    friendlyName: 'pbx-secondary',
    sipUrl: 'sips:pbx2.acme-contact.com:5061', // safe: sips
    weight: 10,
    priority: 20,
    enabled: true,
  });
}

// jambonz application webhook: transfer the caller to the support queue on the PBX.
export function transferToQueue(_req: Request, res: Response): void {
  res.json([
    { verb: 'say', text: 'Connecting you to support.' },
    { verb: 'dial', target: [{ type: 'sip', sipUri: 'sip:support-queue@pbx.acme-contact.com' }] }, // $ Alert[no-plaintext-transport]
    { verb: 'dial', target: [{ type: 'sip', sipUri: 'sips:overflow-queue@pbx.acme-contact.com' }] }, // safe: sips
  ]);
}
