// Agent desktop on the Twilio Voice JavaScript SDK: outbound calls from the lead queue.
import { Call, Device } from '@twilio/voice-sdk';
import { consentApi } from '@acme/crm';

interface QueuedLead {
  id: string;
  phone: string;
  consent: boolean;
}

async function fetchToken(): Promise<string> {
  const res = await fetch('/api/voice/token', { method: 'POST', credentials: 'include' });
  return ((await res.json()) as { token: string }).token;
}

export class AgentDesktop {
  private device: Device | undefined;
  private activeCall: Call | undefined;

  async init(): Promise<void> {
    this.device = new Device(await fetchToken(), { codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU] });
    this.device.on('incoming', (call: Call) => {
      this.activeCall = call;
      call.accept(); // safe: answers an inbound call
    });
    this.device.on('tokenWillExpire', async () => this.device?.updateToken(await fetchToken()));
    await this.device.register(); // safe: registration
  }

  async callLead(lead: QueuedLead): Promise<void> {
    if (!this.device) return;
    this.activeCall = await this.device.connect({ params: { To: lead.phone, leadId: lead.id } }); // $ Alert[require-consent-check]
  }

  async callLeadChecked(lead: QueuedLead): Promise<void> {
    if (!this.device || !lead.consent) return;
    this.activeCall = await this.device.connect({ params: { To: lead.phone, leadId: lead.id } }); // safe: same lead's consent flag
  }

  async callLeadServerChecked(lead: QueuedLead): Promise<void> {
    if (!this.device) return;
    if (await consentApi.canCall(lead.id)) {
      this.activeCall = await this.device.connect({ params: { To: lead.phone } }); // safe: wrapped in consent check for the same lead
    }
  }

  // Manual dial pad: the agent types any number.
  async dialPad(typed: string): Promise<void> {
    const device = this.device;
    if (!device) return;
    const call = await device.connect({ // $ Alert[require-consent-check]
      params: { To: typed.replace(/[^\d+]/g, '') },
    });
    this.activeCall = call;
  }

  // Not dialling: in-call controls.
  sendDigits(digits: string): void {
    this.activeCall?.sendDigits(digits); // safe: DTMF
  }

  mute(on: boolean): void {
    this.activeCall?.mute(on); // safe: mute
  }

  hangUp(): void {
    this.activeCall?.disconnect(); // safe: hang-up
    this.device?.disconnectAll(); // safe: hang-up
  }
}
