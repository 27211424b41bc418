import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRTCSessionEvent, OutgoingRTCSessionEvent } from 'jssip/lib/UA';
import log from './log';
import { sipConfig } from './config';
import { requestVerdict } from './api';
import { recentNumbers, rememberActiveCall, rememberRecentNumber, saveCallHistory, setLastCallerCookie } from './storage';

export type PhoneState = 'offline' | 'registering' | 'ready' | 'ringing' | 'in-call' | 'blocked';

export interface IncomingCall {
  callerNumber: string;
  displayName: string;
  answer(): void;
  reject(): void;
}

export interface SoftphoneEvents {
  onState(state: PhoneState, detail?: string): void;
  onIncoming(call: IncomingCall): void;
}

/** Thin wrapper around a JsSIP user agent for one agent extension. */
export class Softphone {
  private ua?: JsSIP.UA;
  private session?: RTCSession;
  readonly phoneModel = navigator.userAgent.includes('Electron') ? 'desktop-app' : 'browser';
  callerIdEnabled = true;

  constructor(
    private readonly extension: string,
    private readonly password: string,
    private readonly events: SoftphoneEvents,
  ) {}

  start(useFallback = false): void {
    const socket = new JsSIP.WebSocketInterface(useFallback ? sipConfig.fallbackWsServer : sipConfig.wsServer);
    this.ua = new JsSIP.UA({
      sockets: [socket],
      uri: `sips:${this.extension}@${sipConfig.domain}`, // safe: no-plaintext-transport — sips: address of record
      password: this.password,
      register: true,
      session_timers: false,
    });
    this.ua.on('registered', () => this.events.onState('ready'));
    this.ua.on('registrationFailed', (e: { cause?: string }) => {
      log.warn('SIP registration failed', e.cause);
      if (!useFallback) {
        this.ua?.stop();
        this.start(true);
      }
    });
    this.ua.on('newRTCSession', (e: IncomingRTCSessionEvent | OutgoingRTCSessionEvent) => {
      if (e.originator === 'remote') this.handleIncoming(e.session);
    });
    this.events.onState('registering');
    this.ua.start();
    log.info('softphone started', { extension: this.extension, phoneModel: this.phoneModel, callerIdEnabled: this.callerIdEnabled }); // safe: no-pii-in-logs — agent extension, device model and a boolean flag
  }

  stop(): void {
    this.session?.terminate();
    this.ua?.stop();
    this.events.onState('offline');
  }

  /** Call a number the agent typed or clicked. The server decides whether it may be called. */
  async dial(number: string): Promise<boolean> {
    if (!this.ua) throw new Error('softphone not started');
    const verdict = await requestVerdict(number);
    if (!verdict.allowed) {
      log.warn(`dial blocked (${verdict.reason}) for number ending ${number.slice(-4)}`); // safe: no-pii-in-logs — only the last four digits
      this.events.onState('blocked', verdict.reason ?? undefined);
      return false;
    }
    this.session = this.ua.call(`sips:${number}@${sipConfig.domain}`, this.callOptions()); // safe: require-consent-check — returns early above unless the server verdict allows this number
    this.trackOutgoing(this.session, number);
    rememberRecentNumber(number);
    return true;
  }

  /** One-click redial of the most recent number from the history panel. */
  redial(): void {
    const [last] = recentNumbers();
    if (!this.ua || !last) return;
    this.session = this.ua.call(`sips:${last}@${sipConfig.domain}`, this.callOptions()); // expect: require-consent-check
    this.trackOutgoing(this.session, last);
  }

  hangup(): void {
    this.session?.terminate();
  }

  private trackOutgoing(session: RTCSession, number: string): void {
    const startedAt = Date.now();
    session.on('confirmed', () => {
      rememberActiveCall(session.id, number);
      this.events.onState('in-call');
    });
    session.on('ended', () => {
      void saveCallHistory({ id: session.id, direction: 'outbound', remoteNumber: number, startedAt, durationSec: Math.round((Date.now() - startedAt) / 1000) });
      this.events.onState('ready');
    });
    session.on('failed', (e: { cause?: string }) => this.events.onState('ready', e.cause));
  }

  private handleIncoming(session: RTCSession): void {
    const callerNumber = session.remote_identity.uri.user;
    const displayName = session.remote_identity.display_name ?? '';
    log.debug('incoming call from', callerNumber); // expect: no-pii-in-logs
    setLastCallerCookie(callerNumber);
    this.session = session;
    this.events.onState('ringing');

    const startedAt = Date.now();
    session.on('ended', () => {
      void saveCallHistory({ id: session.id, direction: 'inbound', remoteNumber: callerNumber, startedAt, durationSec: Math.round((Date.now() - startedAt) / 1000) });
      this.events.onState('ready');
    });
    this.events.onIncoming({
      callerNumber,
      displayName,
      answer: () => session.answer(this.callOptions()),
      reject: () => session.terminate({ status_code: 486, reason_phrase: 'Busy Here' }),
    });
  }

  private callOptions() {
    return {
      mediaConstraints: { audio: true, video: false },
      pcConfig: { iceServers: sipConfig.iceServers },
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    };
  }
}
