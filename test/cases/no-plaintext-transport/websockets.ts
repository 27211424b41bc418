// Real-time plumbing: live transcription of call audio, agent presence, supervisor wallboard.
import WebSocket, { WebSocketServer } from 'ws';
import { io } from 'socket.io-client';
import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

// Twilio <Stream>: raw call audio is forked to this socket.
export function forkAudioToTranscriber(): string {
  const vr = new VoiceResponse();
  const start = vr.start();
  start.stream({
    url: 'ws://asr.acme-contact.com/media', // $ Alert[no-plaintext-transport]
    track: 'both_tracks',
  });
  vr.say('This call may be transcribed for quality purposes.');
  return vr.toString();
}

export function connectToVoiceBot(): string {
  const vr = new VoiceResponse();
  const connect = vr.connect();
  connect.stream({ url: 'wss://bot.acme-contact.com/media' }); // safe: wss
  return vr.toString();
}

// Self-hosted speech recogniser (Vosk server) fed with call audio.
export function openRecogniser(): WebSocket {
  const asr = new WebSocket('ws://vosk.acme-contact.com:2700'); // $ Alert[no-plaintext-transport]
  asr.on('open', () => asr.send(JSON.stringify({ config: { sample_rate: 8000 } })));
  return asr;
}

export function openRecogniserOverTls(): WebSocket {
  return new WebSocket('wss://vosk.acme-contact.com:2701'); // safe: wss
}

// Agent presence and wallboard.
export const presence = io('ws://presence.acme-contact.com', { transports: ['websocket'] }); // $ Alert[no-plaintext-transport]
export const wallboard = io('wss://wallboard.acme-contact.com', { transports: ['websocket'] }); // safe: wss

export function supervisorFeed(team: string): WebSocket {
  const host = process.env.FEED_HOST ?? 'feed.acme-contact.com';
  return new WebSocket(`ws://${host}/teams/${team}`); // $ Alert[no-plaintext-transport]
}

export function supervisorFeedTls(team: string): WebSocket {
  return new WebSocket(`wss://${process.env.FEED_HOST}/teams/${team}`); // safe: wss
}

// Local development and in-process sockets.
export function devSockets(): WebSocket[] {
  return [
    new WebSocket('ws://localhost:8080/media'), // safe: loopback
    new WebSocket('ws://127.0.0.1:9229/debug'), // safe: loopback
    new WebSocket('ws://[::1]:8080/media'), // safe: loopback IPv6
    new WebSocket(process.env.MEDIA_WS_URL ?? 'wss://media.acme-contact.com'), // safe: env-driven with wss fallback
  ];
}

// Our own server: TLS terminates at the load balancer in front of it.
export function startMediaServer(): WebSocketServer {
  const wss = new WebSocketServer({ port: 8080, path: '/media' }); // safe: a listening server, no URL
  wss.on('connection', (socket) => {
    socket.on('message', (frame) => socket.send(frame));
  });
  return wss;
}

export const docsHint = 'Media streams must use wss:// in production (ws:// only on localhost).'; // safe: prose, not a URL
