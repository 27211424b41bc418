import type { RuleMeta } from './types.js';

export const noPlaintextTransport: RuleMeta = {
  id: 'no-plaintext-transport',
  description: 'Disallow plaintext or unauthenticated transport for call data: http://, ws://, sip:, SIP over UDP/TCP, disabled TLS checks, old TLS, non-TLS databases and queues',
  severity: 'error',
  securitySeverity: 7.4,
  precision: 'high',
  piiKinds: [],
  regulations: ['GDPR Art. 32', 'PIPL Art. 51', 'PCI DSS 4.0 req. 4', 'HIPAA 164.312(e)(1)', '152-FZ Art. 19'],
  cwe: ['CWE-319', 'CWE-295', 'CWE-326'],
  presets: ['recommended', 'strict'],
  why: 'Phone numbers, call events and recordings then cross networks readable and alterable by anyone on the path (GDPR Art. 32, PCI DSS req. 4).',
  fix: 'Use the TLS variant (https://, wss://, sips:, rediss://, amqps://, TLS transport) and keep certificate verification on.',
};
