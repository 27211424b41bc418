/**
 * Browser softphone for the agent desktop (bundled by esbuild into public/softphone.js).
 * Registers the agent's extension over WebSocket and places/receives calls with SIP.js.
 */
import { Invitation, Inviter, Registerer, SessionState, UserAgent, type Session } from 'sip.js';

export interface SoftphoneOptions {
  agentId: string;
  extension: string;
  password: string;
  displayName: string;
}

export interface DialVerdict {
  allowed: boolean;
  reason?: string;
}

type Listener = (payload: Record<string, unknown>) => void;

const SIP_DOMAIN = 'acme-example.com';
const PRIMARY_WSS = 'wss://sbc.acme-example.com:7443'; // safe: no-plaintext-transport — wss
// branch offices still register against the old on-prem Asterisk
const BRANCH_PBX_WS = 'ws://pbx-legacy.branch.acme-example.com:8088/ws'; // expect: no-plaintext-transport

const LAST_DIALED_KEY = 'softphone.lastDialed';

async function checkDialable(number: string, token: string): Promise<DialVerdict> {
  const res = await fetch('/api/calls/dialable', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ number, channel: 'voice' }),
  });
  if (!res.ok) return { allowed: false, reason: `compliance check failed (${res.status})` };
  return (await res.json()) as DialVerdict;
}

export class Softphone {
  private readonly ua: UserAgent;
  private registerer?: Registerer;
  private current?: Session;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly opts: SoftphoneOptions, private readonly token: () => string) {
    const server = location.hostname.startsWith('branch-') ? BRANCH_PBX_WS : PRIMARY_WSS;
    this.ua = new UserAgent({
      uri: UserAgent.makeURI(`sips:${opts.extension}@${SIP_DOMAIN}`), // safe: no-plaintext-transport — sips URI
      transportOptions: { server, keepAliveInterval: 25 },
      authorizationUsername: opts.extension,
      authorizationPassword: opts.password,
      displayName: opts.displayName,
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [{ urls: 'turns:turn.acme-example.com:443?transport=tcp' }] },
      },
      delegate: { onInvite: (invitation) => this.onIncoming(invitation) },
    });
    localStorage.setItem('softphone.agentId', opts.agentId); // safe: no-plaintext-pii-storage — agent id
  }

  on(event: string, fn: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
  }

  private emit(event: string, payload: Record<string, unknown>): void {
    for (const fn of this.listeners.get(event) ?? []) fn(payload);
  }

  async start(): Promise<void> {
    await this.ua.start();
    this.registerer = new Registerer(this.ua, { expires: 300 });
    await this.registerer.register();
    console.info('[softphone] registered', this.opts.extension); // safe: no-pii-in-logs — agent extension
  }

  async setOutputDevice(deviceId: string): Promise<void> {
    localStorage.setItem('softphone.outputDeviceId', deviceId); // safe: no-plaintext-pii-storage — audio device id
  }

  private makeInviter(number: string): Inviter {
    const digits = number.replace(/[^\d+]/g, '');
    const target = UserAgent.makeURI(`sips:${digits}@${SIP_DOMAIN}`); // safe: no-plaintext-transport — sips URI
    if (!target) throw new Error('could not build a SIP target for this number');
    return new Inviter(this.ua, target, { earlyMedia: true });
  }

  private track(session: Session): void {
    this.current = session;
    session.stateChange.addListener((state) => {
      this.emit('state', { state });
      if (state === SessionState.Terminated) this.current = undefined;
    });
  }

  /** Dial button on the customer card. */
  async dialFromContactCard(customerId: string, number: string): Promise<void> {
    const verdict = await checkDialable(number, this.token());
    if (!verdict.allowed) {
      this.emit('blocked', { customerId, reason: verdict.reason });
      return;
    }
    const inviter = this.makeInviter(number);
    this.track(inviter);
    localStorage.setItem(LAST_DIALED_KEY, number); // expect: no-plaintext-pii-storage
    await inviter.invite(); // safe: require-consent-check — early return when the compliance verdict is not allowed
  }

  /** Ctrl+R in the desk: call the last number again. */
  async redialLast(): Promise<void> {
    const number = localStorage.getItem(LAST_DIALED_KEY);
    if (!number) return;
    console.log('[softphone] redialing', number); // expect: no-pii-in-logs
    const inviter = this.makeInviter(number);
    this.track(inviter);
    await inviter.invite(); // expect: require-consent-check
  }

  private onIncoming(invitation: Invitation): void {
    console.info('[softphone] incoming call', invitation.id); // safe: no-pii-in-logs — SIP dialog id
    this.track(invitation);
    this.emit('incoming', { id: invitation.id, display: invitation.remoteIdentity.displayName });
  }

  async answer(): Promise<void> {
    if (this.current instanceof Invitation) await this.current.accept();
  }

  async hangup(): Promise<void> {
    const s = this.current;
    if (!s) return;
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter) await s.cancel();
    else if (s instanceof Invitation) await s.reject();
  }

  async stop(): Promise<void> {
    await this.registerer?.unregister().catch(() => undefined);
    await this.ua.stop();
  }
}
