/** Build-time settings for the softphone bundle. */

export const sipConfig = {
  wsServer: 'wss://sbc.agent.example.com:7443/ws', // safe: no-plaintext-transport — SIP over secure WebSocket
  /** Used when the primary SBC rejects registration (maintenance windows). */
  fallbackWsServer: 'ws://sbc-backup.agent.example.com:5066/ws', // expect: no-plaintext-transport
  domain: 'agent.example.com',
  iceServers: [{ urls: 'turns:turn.agent.example.com:5349?transport=tcp', username: 'softphone', credential: 'rotated-at-login' }], // safe: no-plaintext-transport — turns: is TURN over TLS; transport=tcp only selects TCP underneath the TLS
};

export const API_BASE = '/api';

/** Company support line, shown in the footer and used by the "transfer to support" button. */
export const SUPPORT_PHONE_NUMBER = '+18005550177';
