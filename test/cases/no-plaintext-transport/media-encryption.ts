// Media (RTP) encryption settings written by the provisioning service: Asterisk, FreeSWITCH, softphones.
import { writeFile } from 'node:fs/promises';
import knex from 'knex';
import esl from 'modesl';

const db = knex({ client: 'pg', connection: process.env.ASTERISK_REALTIME_DB_URL });

// Asterisk realtime: one ps_endpoints row per agent desk phone.
export async function provisionDeskPhone(extension: string): Promise<void> {
  await db('ps_endpoints').insert({
    id: extension,
    transport: 'transport-tls',
    aors: extension,
    auth: extension,
    context: 'agents',
    disallow: 'all',
    allow: 'opus,ulaw',
    media_encryption: 'no', // $ Alert[no-plaintext-transport]
  });
}

export async function provisionWebrtcAgent(extension: string): Promise<void> {
  await db('ps_endpoints').insert({
    id: extension,
    transport: 'transport-wss',
    webrtc: 'yes',
    media_encryption: 'dtls', // safe: DTLS-SRTP
    dtls_auto_generate_cert: 'yes',
  });
}

// pjsip.conf fragment for the carrier trunk, one setting per line.
export async function writeCarrierEndpoint(path: string): Promise<void> {
  const lines = [
    '[carrier-one]',
    'type=endpoint',
    'transport=transport-tls',
    'context=from-carrier',
    'media_encryption=no', // $ Alert[no-plaintext-transport]
    'allow=ulaw',
  ];
  const secureLines = [
    '[carrier-two]',
    'type=endpoint',
    'media_encryption=sdes', // safe: SDES-SRTP
    'media_encryption_optimistic=no', // safe: a different setting (no optimistic fallback is the strict choice)
  ];
  await writeFile(path, [...lines, '', ...secureLines].join('\n'));
}

// FreeSWITCH, over the event socket: per-call channel variables.
export function configureLeg(conn: esl.Connection, uuid: string, legacyCarrier: boolean): void {
  if (legacyCarrier) {
    conn.api(`uuid_setvar ${uuid} rtp_secure_media false`); // $ MISSING: Alert[no-plaintext-transport]
    conn.execute('set', 'rtp_secure_media=false'); // $ Alert[no-plaintext-transport]
  } else {
    conn.execute('set', 'rtp_secure_media=mandatory:AES_CM_128_HMAC_SHA1_80'); // safe: SRTP mandatory
  }
}

export function channelVariables(leadId: string): string {
  const vars: Record<string, string> = {
    origination_caller_id_name: 'Acme Contact',
    lead_id: leadId,
    rtp_secure_media: 'false', // $ Alert[no-plaintext-transport]
  };
  return `{${Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(',')}}`;
}

// Settings pushed to the desktop softphone app.
export const softphoneProfiles = {
  branchOffice: {
    registrar: 'sips:pbx.acme-contact.com',
    mediaEncryption: 'none', // $ Alert[no-plaintext-transport]
  },
  headOffice: {
    registrar: 'sips:pbx.acme-contact.com',
    mediaEncryption: 'srtp', // safe: SRTP
  },
  kiosk: {
    registrar: 'sips:pbx.acme-contact.com',
    srtp: true, // safe: SRTP on
    dtls: true, // safe: DTLS on
  },
};

export const mediaHelpText = 'Set media_encryption=sdes or dtls; media_encryption=no sends audio in clear.'; // safe: prose
