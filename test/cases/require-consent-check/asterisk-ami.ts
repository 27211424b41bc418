// Legacy predictive dialer driving Asterisk over AMI (asterisk-manager).
import AsteriskManager from 'asterisk-manager';
import { doNotCallRegistry, isDialable } from '@acme/compliance';

interface Lead {
  id: string;
  phone: string;
  doNotCall: boolean;
}

type AmiResponse = Record<string, string>;

const TRUNK = 'carrier-one';
const CALLER_ID = process.env.OUTBOUND_CALLER_ID ?? '';

const ami = new AsteriskManager(
  5038,
  process.env.AMI_HOST ?? '',
  process.env.AMI_USER ?? '',
  process.env.AMI_SECRET ?? '',
  true,
);
ami.keepConnected();

export function originate(lead: Lead): Promise<AmiResponse> {
  return new Promise((resolve, reject) => {
    ami.action({ // $ Alert[require-consent-check]
      Action: 'Originate',
      Channel: `PJSIP/${lead.phone}@${TRUNK}`,
      Context: 'outbound-campaign',
      Exten: 's',
      Priority: 1,
      CallerID: CALLER_ID,
      Async: 'true',
      Variable: `LEAD_ID=${lead.id}`,
    }, (err: Error | null, res: AmiResponse) => (err ? reject(err) : resolve(res)));
  });
}

export async function originateChecked(lead: Lead): Promise<AmiResponse | undefined> {
  if (await doNotCallRegistry.contains(lead.phone)) return undefined;
  return new Promise((resolve, reject) => {
    ami.action({ // safe: DNC registry checked before
      Action: 'Originate',
      Channel: `PJSIP/${lead.phone}@${TRUNK}`,
      Context: 'outbound-campaign',
      Exten: 's',
      Priority: 1,
      Async: 'true',
    }, (err: Error | null, res: AmiResponse) => (err ? reject(err) : resolve(res)));
  });
}

export class PredictivePacer {
  constructor(private readonly ami: AsteriskManager) {}

  fill(leads: Lead[], freeAgents: number): void {
    leads
      .slice(0, freeAgents * 2)
      .filter((lead) => !lead.doNotCall)
      .forEach((lead) => {
        this.ami.action({ Action: 'Originate', Channel: `PJSIP/${lead.phone}@${TRUNK}`, Context: 'pacer', Exten: 's', Priority: 1, Async: 'true' }); // safe: list filtered on doNotCall
      });
  }

  async retry(lead: Lead): Promise<void> {
    const allowed = await isDialable(lead.phone);
    if (!allowed) return;
    this.ami.action({ Action: 'Originate', Channel: `PJSIP/${lead.phone}@${TRUNK}`, Context: 'pacer', Exten: 's', Priority: 1 }); // safe: dialable checked
  }

  retryUnchecked(lead: Lead): void {
    this.ami.action({ Action: 'Originate', Channel: `PJSIP/${lead.phone}@${TRUNK}`, Context: 'pacer', Exten: 's', Priority: 1 }); // $ Alert[require-consent-check]
  }

  // Not dialling: other AMI actions.
  status(): void {
    this.ami.action({ Action: 'Status' }); // safe: status query
  }

  hangup(channel: string): void {
    this.ami.action({ Action: 'Hangup', Channel: channel }); // safe: hangs up a channel
  }

  queueStatus(queue: string): void {
    this.ami.action({ Action: 'QueueStatus', Queue: queue }); // safe: queue query
  }

  transfer(channel: string, exten: string): void {
    this.ami.action({ Action: 'Redirect', Channel: channel, Context: 'agents', Exten: exten, Priority: 1 }); // safe: moves an existing channel
  }
}
