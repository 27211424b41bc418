// Agent softphone in the browser on SIP.js: click-to-dial from the CRM lead panel.
import { Invitation, Inviter, Registerer, Session, UserAgent, Web } from 'sip.js';
import { consentApi } from '@acme/crm';

interface CrmLead {
  id: string;
  phone: string;
  doNotCall: boolean;
}

const PBX_DOMAIN = 'pbx.acme-contact.com';

export class AgentSoftphone {
  private readonly userAgent: UserAgent;
  private activeCall: Session | undefined;

  constructor(extension: string, password: string) {
    this.userAgent = new UserAgent({
      uri: UserAgent.makeURI(`sips:${extension}@${PBX_DOMAIN}`),
      transportOptions: { server: `wss://${PBX_DOMAIN}:8089/ws` },
      authorizationUsername: extension,
      authorizationPassword: password,
      delegate: { onInvite: (invitation) => this.onIncoming(invitation) },
    });
  }

  async start(): Promise<void> {
    await this.userAgent.start();
    await new Registerer(this.userAgent).register(); // safe: registration, not a call
  }

  // Click-to-dial straight from the lead panel.
  async dial(lead: CrmLead): Promise<void> {
    const target = UserAgent.makeURI(`sips:${lead.phone}@${PBX_DOMAIN}`);
    if (!target) throw new TypeError('invalid target');
    const inviter = new Inviter(this.userAgent, target);
    this.activeCall = inviter;
    await inviter.invite(); // $ Alert[require-consent-check]
  }

  async dialChecked(lead: CrmLead): Promise<void> {
    if (lead.doNotCall) return;
    const target = UserAgent.makeURI(`sips:${lead.phone}@${PBX_DOMAIN}`);
    if (!target) throw new TypeError('invalid target');
    const inviter = new Inviter(this.userAgent, target, { earlyMedia: true }); // safe: same lead's doNotCall flag
    this.activeCall = inviter;
    await inviter.invite();
  }

  async dialAfterServerCheck(lead: CrmLead): Promise<void> {
    const verdict = await consentApi.canCall(lead.id);
    if (verdict !== true) return;
    const target = UserAgent.makeURI(`sips:${lead.phone}@${PBX_DOMAIN}`);
    if (!target) return;
    await new Inviter(this.userAgent, target).invite(); // safe: consent API checked for the same lead
  }

  // Redial of the last number: the check belongs to a different lead record.
  async redial(lead: CrmLead, previous: CrmLead): Promise<void> {
    if (previous.doNotCall) return;
    const target = UserAgent.makeURI(`sips:${lead.phone}@${PBX_DOMAIN}`);
    if (!target) return;
    await new Inviter(this.userAgent, target).invite(); // $ Alert[require-consent-check]
  }

  // Not dialling: answering, hold (re-INVITE on an inbound call) and hang-up.
  private onIncoming(invitation: Invitation): void {
    this.activeCall = invitation;
    void invitation.accept(); // safe: answers an inbound call
  }

  async hold(): Promise<void> {
    if (this.activeCall instanceof Invitation) {
      await this.activeCall.invite({ sessionDescriptionHandlerModifiers: [Web.holdModifier] }); // safe: re-INVITE on an existing inbound call
    }
  }

  async hangUp(): Promise<void> {
    if (this.activeCall instanceof Inviter) await this.activeCall.cancel(); // safe: cancels
    else await this.activeCall?.bye(); // safe: ends the call
  }
}
