// JsSIP user agents for the agent softphone: production, branch-office and local lab profiles.
import JsSIP from 'jssip';

const PBX = 'pbx.acme-contact.com';

/**
 * Branch offices still use the old PBX profile.
 * @param {string} extension
 * @param {string} password
 */
export function branchOfficeAgent(extension, password) {
  const socket = new JsSIP.WebSocketInterface('ws://branch-pbx.acme-contact.com:8088/ws'); // $ Alert[no-plaintext-transport]
  return new JsSIP.UA({
    sockets: [socket],
    uri: `sip:${extension}@branch-pbx.acme-contact.com`, // $ Alert[no-plaintext-transport]
    registrar_server: 'sip:branch-pbx.acme-contact.com', // $ Alert[no-plaintext-transport]
    password,
    session_timers: false,
  });
}

/**
 * Head-office profile: TLS for signalling, DTLS-SRTP for media (WebRTC default).
 * @param {string} extension
 * @param {string} password
 */
export function headOfficeAgent(extension, password) {
  const socket = new JsSIP.WebSocketInterface(`wss://${PBX}:8089/ws`); // safe: wss
  return new JsSIP.UA({
    sockets: [socket],
    uri: `sips:${extension}@${PBX}`, // safe: sips
    registrar_server: `sips:${PBX}`, // safe: sips
    password,
    session_timers: true,
  });
}

/**
 * Lab profile against a PBX container on this machine.
 * @param {string} extension
 */
export function labAgent(extension) {
  const socket = new JsSIP.WebSocketInterface('ws://localhost:8088/ws'); // safe: loopback
  return new JsSIP.UA({ sockets: [socket], uri: `sips:${extension}@localhost`, password: 'lab' }); // safe: sips on loopback
}

/** @param {JsSIP.UA} ua */
export function wireDiagnostics(ua) {
  ua.on('registrationFailed', (e) => {
    console.error('sip: registration failed', e.cause); // safe: log text
  });
  ua.on('disconnected', () => {
    console.warn('Lost the signalling socket; expected sips: over wss:// in production'); // safe: log text
  });
}

export const softphoneHelp = {
  title: 'Softphone settings',
  // Shown in the settings dialog; the dialog never connects anywhere.
  placeholder: 'sips:1001@pbx.acme-contact.com', // safe: sips
  hint: 'Enter your SIP address, e.g. sips:1001@pbx', // safe: prose
};
