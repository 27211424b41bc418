import type { TransportModel } from '../types.js';
import { global, mod, mods, named } from './api.js';

export const transport: TransportModel = {
  safeHostPatterns: [
    '^localhost$',
    '\\.localhost$',
    '^127(\\.\\d{1,3}){3}$',
    '^\\[?::1\\]?$',
    '^0\\.0\\.0\\.0$',
    '^host\\.docker\\.internal$',
    // RFC 2606 / 6761 reserved top-level names: never real endpoints. (example.com/.net/.org are not
    // exempt: a placeholder written with a plaintext scheme ships with that scheme when it is replaced.)
    '\\.(test|invalid|example)$',
  ],
  plaintextSchemes: [
    { scheme: 'http', secure: 'https', describe: 'HTTP' },
    { scheme: 'ws', secure: 'wss', describe: 'WebSocket' },
    { scheme: 'sip', secure: 'sips', describe: 'SIP' },
    { scheme: 'redis', secure: 'rediss', describe: 'Redis' },
    { scheme: 'amqp', secure: 'amqps', describe: 'AMQP' },
    { scheme: 'mqtt', secure: 'mqtts', describe: 'MQTT' },
    { scheme: 'ftp', secure: 'ftps', describe: 'FTP' },
    { scheme: 'ldap', secure: 'ldaps', describe: 'LDAP' },
  ],
  urlCalls: [
    { calls: [global('fetch', ''), global('window', 'fetch'), global('globalThis', 'fetch'), mod('node-fetch', ''), mod('node-fetch', 'default'), mod('undici', '{fetch,request}')], args: [0], describe: 'fetch' },
    {
      calls: [mod('axios', ''), mod('axios', '{get,post,put,patch,delete,head,options,request}'), mod('axios', 'create().{get,post,put,patch,delete,head,options,request}'), named('^(axios|http|httpClient|\\w*HttpClient|\\w*Api|api|client)$', '{get,post,put,patch,delete}')],
      args: [0],
      describe: 'HTTP request',
    },
    { calls: [mod('got', ''), mod('got', '{get,post,put,patch,delete,stream}')], args: [0], describe: 'got request' },
    { calls: [...mods(['http', 'node:http', 'https', 'node:https'], '{request,get}')], args: [0], describe: 'http.request' },
    { calls: [mod('superagent', ''), mod('superagent', '{get,post,put,patch,delete}'), named('^(request|superagent|agent)$', '{get,post,put,patch,delete}')], args: [0], describe: 'superagent request' },
    { calls: [global('URL', 'new()')], args: [0, 1], construct: true, describe: 'URL' },
    { calls: [global('WebSocket', 'new()'), global('EventSource', 'new()'), mod('ws', 'new()'), mod('ws', 'new WebSocket()'), mod('isomorphic-ws', 'new()'), mod('jssip', 'new WebSocketInterface()'), named('^WebSocketInterface$', '')], args: [0], construct: true, describe: 'connection' },
    { calls: [mod('socket.io-client', ''), mod('socket.io-client', 'io'), mod('socket.io-client', 'connect'), named('^io$', '')], args: [0], describe: 'socket.io connection' },
    { calls: [mod('ioredis', ''), mod('redis', 'createClient'), mod('amqplib', 'connect'), mod('amqplib/callback_api', 'connect'), mod('mqtt', 'connect'), mod('mqtt', 'connectAsync'), mod('mongoose', 'connect'), mod('mongoose', 'createConnection'), mod('mongodb', 'MongoClient.connect')], args: [0], describe: 'connection' },
    { calls: [mod('ioredis', 'new()'), mod('ioredis', 'new Redis()'), mod('mongodb', 'new MongoClient()'), mod('pg', '{new Pool(),new Client()}'), mod('sequelize', 'new Sequelize()'), mod('sequelize', 'new()')], args: [0], construct: true, describe: 'connection' },
  ],
  urlProperties:
    '^(url|uri|href|endpoint|baseURL|baseUrl|baseUri|host?Url|webhook|callback|action|statusCallback|recordingStatusCallback|fallbackUrl|voiceUrl|smsUrl|statusCallbackUrl|answer_url|event_url|answerUrl|eventUrl|connectionString|connection_string|databaseUrl|redisUrl|amqpUrl|brokerUrl|broker|server|servers|wsServers|wsServer|socketUrl|registrar|outboundProxy|proxy|\\w+Url|\\w+URL|\\w+Uri|\\w+URI|\\w+Webhook|\\w+Callback|\\w+_url|\\w+_uri|\\w+Endpoint|hook|\\w+Hook|\\w+Hooks)$',
  insecureOptions: [
    { properties: ['rejectUnauthorized', 'strictSSL', 'verifySsl', 'verifySSL', 'sslVerify', 'verify_ssl', 'checkServerIdentity'], offValues: [false, 'false', 0], describe: 'certificate verification is turned off' },
    { properties: ['insecure', 'allowInsecure', 'insecureHTTPParser', 'ignoreHTTPSErrors', 'acceptInsecureCerts'], offValues: [true, 'true'], describe: 'insecure TLS is allowed' },
    { properties: ['srtp', 'useSrtp', 'secureMedia', 'encryptMedia', 'mediaEncryption', 'media_encryption', 'rtp_secure_media', 'dtls'], offValues: [false, 'false', 'none', 'no', 'off', 'disabled', 'optional'], describe: 'media encryption (SRTP) is turned off' },
    {
      properties: ['ssl', 'tls', 'useSSL', 'useTLS', 'useTls', 'encrypt', 'sslEnabled', 'tlsEnabled'],
      offValues: [false, 'false', 'disable', 'disabled', 'off'],
      describe: 'TLS for the connection is turned off',
      requiresSibling: '^(host|hostname|port|connectionString|database|user|username|password|uri|url|dialect|type|server|broker|brokers|sasl|replicaSet|authSource)$',
    },
    { properties: ['secure'], offValues: [false, 'false'], describe: 'SMTP without TLS (secure: false and no requireTLS)', requiresSibling: '^(host|port|auth|service)$' },
  ],
  weakTlsValues: ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1', 'SSLv2_method', 'SSLv3_method', 'TLSv1_method', 'TLSv1_1_method', 'SSLv23_method', 'TLS1', 'TLS1.0', 'TLS1.1', 'tls1', 'tls1.1'],
  weakTlsProperties: ['minVersion', 'secureProtocol', 'maxVersion', 'minTlsVersion', 'tlsMinVersion', 'ssl_min_protocol_version'],
  sipPlainTransports: ['udp', 'tcp', 'UDP', 'TCP', 'ws', 'WS'],
};
