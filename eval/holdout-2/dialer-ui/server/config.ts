import 'dotenv/config';

const env = process.env;
export const isDev = env.NODE_ENV !== 'production';

const publicUrl = env.PUBLIC_URL ?? (isDev ? 'http://localhost:8443' : 'https://agent-api.example.com');

export const config = {
  port: Number(env.PORT ?? 8443),
  publicUrl,
  sessionPassword: env.SESSION_PASSWORD ?? 'dev-only-session-password-at-least-32-chars',
  tls: {
    keyFile: env.TLS_KEY_FILE ?? '/etc/agent-api/tls.key',
    certFile: env.TLS_CERT_FILE ?? '/etc/agent-api/tls.crt',
  },

  sql: {
    server: env.MSSQL_HOST ?? 'sql-agent.example.net',
    database: env.MSSQL_DB ?? 'AgentDesktop',
    user: env.MSSQL_USER ?? 'agent_api',
    password: env.MSSQL_PASSWORD ?? '',
    reportingServer: env.MSSQL_REPORTING_HOST ?? 'sql-reporting.example.net',
  },

  fieldKeyHex: env.FIELD_KEY_HEX ?? '',

  bandwidth: {
    accountId: env.BW_ACCOUNT_ID ?? '',
    username: env.BW_USERNAME ?? '',
    password: env.BW_PASSWORD ?? '',
    voiceApplicationId: env.BW_VOICE_APP_ID ?? '',
    messagingApplicationId: env.BW_MESSAGING_APP_ID ?? '',
    fromNumber: env.BW_FROM_NUMBER ?? '+12025550120',
    answerUrl: `${publicUrl}/bandwidth/voice/answer`,
    disconnectUrl: env.BW_DISCONNECT_URL ?? 'http://bw-events.agent.example.net/bandwidth/voice/disconnect', // expect: no-plaintext-transport
    webhookUser: env.BW_WEBHOOK_USER ?? 'bandwidth',
    webhookPassword: env.BW_WEBHOOK_PASSWORD ?? '',
  },

  compliance: {
    baseUrl: env.COMPLIANCE_API_URL ?? 'https://compliance.internal.example.com/v1',
    caFile: env.COMPLIANCE_CA_FILE ?? '/etc/ssl/certs/internal-ca.pem',
  },

  presence: {
    mqttUrl: env.PRESENCE_MQTT_URL ?? 'mqtts://presence.agent.example.net:8883', // safe: no-plaintext-transport — MQTT over TLS
    wallboardMqttUrl: env.WALLBOARD_MQTT_URL ?? 'mqtt://wallboard.floor3.example.net:1883', // expect: no-plaintext-transport
    natsServers: (env.NATS_SERVERS ?? 'tls://nats-1.agent.example.net:4222,tls://nats-2.agent.example.net:4222').split(','),
  },

  bookingBaseUrl: env.BOOKING_BASE_URL ?? 'https://book.example.com/r',

  /** Public support line agents transfer to; shown in the softphone footer. */
  supportPhoneNumber: '+18005550177',
};
