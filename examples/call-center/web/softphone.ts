/**
 * Agent softphone embedded in the agent desktop (browser). Registers the agent's
 * extension over SIP-over-WebSocket and places calls for the lead on screen.
 */
import { Inviter, Registerer, UserAgent, type Invitation } from 'sip.js';

type E164 = string;

export interface SoftphoneSettings {
  agentId: string;
  extension: string;
  displayName: string;
  sipPassword: string;
  /** Headset or desk phone model, reported to the supervisor dashboard. */
  phoneModel: string;
  profile: 'production' | 'training';
}

/** The lead card the agent desktop shows next to the softphone. */
export interface PreviewLead {
  id: string;
  firstName: string;
  phone: E164;
  consent: boolean;
  doNotCall: boolean;
}

interface RecentCall {
  phone: E164;
  direction: 'in' | 'out';
  at: string;
}

const PBX_PROFILES = {
  production: { wsServer: 'wss://pbx.northwind-cc.com:8089/ws', domain: 'pbx.northwind-cc.com' },
  // Training desks sit on the classroom VLAN, whose PBX has no certificate.
  training: { wsServer: 'ws://training-pbx.northwind-cc.net:8088/ws', domain: 'training-pbx.northwind-cc.net' }, // $ Alert[no-plaintext-transport]
} as const;

const RECENT_CALLS_KEY = 'softphone.recentCalls';
const MAX_RECENT_CALLS = 20;

function loadRecentCalls(): RecentCall[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT_CALLS_KEY) ?? '[]') as RecentCall[];
  } catch {
    return [];
  }
}

export class Softphone extends EventTarget {
  private readonly ua: UserAgent;
  private readonly domain: string;
  private readonly recent: RecentCall[] = loadRecentCalls();
  private registerer?: Registerer;
  private ringing?: Invitation;

  constructor(private readonly settings: SoftphoneSettings) {
    super();
    const pbx = PBX_PROFILES[settings.profile];
    this.domain = pbx.domain;
    this.ua = new UserAgent({
      uri: UserAgent.makeURI(`sips:${settings.extension}@${pbx.domain}`),
      transportOptions: { server: pbx.wsServer, traceSip: false },
      authorizationUsername: settings.extension,
      authorizationPassword: settings.sipPassword,
      displayName: settings.displayName,
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [{ urls: 'stun:stun.northwind-cc.com:3478' }] },
      },
      delegate: { onInvite: (invitation: Invitation) => this.onIncoming(invitation) },
    });
  }

  async start(): Promise<void> {
    await this.ua.start();
    this.registerer = new Registerer(this.ua, { expires: 300 });
    await this.registerer.register();
    localStorage.setItem('softphone.agentId', this.settings.agentId);
    console.debug('softphone registered', { agentId: this.settings.agentId, phoneModel: this.settings.phoneModel });
  }

  /** The agent clicked "Call" on a lead card. */
  async callLead(lead: PreviewLead): Promise<void> {
    if (!lead.consent || lead.doNotCall) {
      this.dispatchEvent(new CustomEvent('blocked', { detail: { leadId: lead.id, reason: 'no-consent' } }));
      return;
    }
    const target = this.targetFor(lead.phone);
    if (!target) return;
    const inviter = new Inviter(this.ua, target);
    this.remember({ phone: lead.phone, direction: 'out', at: new Date().toISOString() });
    await inviter.invite();
  }

  /** Power-preview mode: when a call ends, the next lead in the agent's queue is dialled after a countdown. */
  async dialNextInQueue(queue: PreviewLead[]): Promise<void> {
    const next = queue.shift();
    if (!next) return;
    const target = this.targetFor(next.phone);
    if (!target) return;
    this.dispatchEvent(new CustomEvent('dialling', { detail: { leadId: next.id } }));
    await new Inviter(this.ua, target).invite(); // $ Alert[require-consent-check]
    this.remember({ phone: next.phone, direction: 'out', at: new Date().toISOString() });
  }

  async answer(): Promise<void> {
    await this.ringing?.accept();
    this.ringing = undefined;
  }

  async stop(): Promise<void> {
    await this.registerer?.unregister();
    await this.ua.stop();
  }

  private targetFor(phone: E164) {
    return UserAgent.makeURI(`sips:${phone.replace(/[^\d+]/g, '')}@${this.domain}`);
  }

  private onIncoming(invitation: Invitation): void {
    this.ringing = invitation;
    const caller = invitation.remoteIdentity.uri.user ?? '';
    this.remember({ phone: caller, direction: 'in', at: new Date().toISOString() });
    this.dispatchEvent(new CustomEvent('ringing', { detail: { displayName: invitation.remoteIdentity.displayName } }));
  }

  /** The "recent calls" panel survives a page reload. */
  private remember(call: RecentCall): void {
    this.recent.unshift(call);
    this.recent.length = Math.min(this.recent.length, MAX_RECENT_CALLS);
    localStorage.setItem(RECENT_CALLS_KEY, JSON.stringify(this.recent)); // $ Alert[no-plaintext-pii-storage]
  }
}
