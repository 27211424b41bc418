// Amazon Connect outbound campaign worker: SDK v3 commands and the legacy v2 client.
import {
  ConnectClient,
  DescribeContactCommand,
  StartOutboundVoiceContactCommand,
  StopContactCommand,
} from '@aws-sdk/client-connect';
import AWS from 'aws-sdk';
import { consent } from '@acme/compliance';

interface CampaignLead {
  leadId: string;
  phone: string;
  campaignId: string;
}

const INSTANCE_ID = process.env.CONNECT_INSTANCE_ID ?? '';
const CONTACT_FLOW_ID = process.env.CONNECT_OUTBOUND_FLOW_ID ?? '';
const QUEUE_ID = process.env.CONNECT_OUTBOUND_QUEUE_ID ?? '';

const connect = new ConnectClient({ region: process.env.AWS_REGION });

export async function startCampaignCall(lead: CampaignLead): Promise<string | undefined> {
  const out = await connect.send(new StartOutboundVoiceContactCommand({ // $ Alert[require-consent-check]
    DestinationPhoneNumber: lead.phone,
    ContactFlowId: CONTACT_FLOW_ID,
    InstanceId: INSTANCE_ID,
    QueueId: QUEUE_ID,
    Attributes: { leadId: lead.leadId, campaignId: lead.campaignId },
  }));
  return out.ContactId;
}

export async function startCampaignCallChecked(lead: CampaignLead): Promise<string | undefined> {
  if (await consent.isContactable(lead.phone)) {
    const out = await connect.send(new StartOutboundVoiceContactCommand({ // safe: wrapped in consent check
      DestinationPhoneNumber: lead.phone,
      ContactFlowId: CONTACT_FLOW_ID,
      InstanceId: INSTANCE_ID,
      QueueId: QUEUE_ID,
    }));
    return out.ContactId;
  }
  return undefined;
}

// Command built first, sent with retries: the finding is on the command that names the destination.
export async function startWithRetry(lead: CampaignLead, attempts = 3): Promise<string | undefined> {
  const command = new StartOutboundVoiceContactCommand({ // $ Alert[require-consent-check]
    DestinationPhoneNumber: lead.phone,
    ContactFlowId: CONTACT_FLOW_ID,
    InstanceId: INSTANCE_ID,
    ClientToken: `${lead.campaignId}-${lead.leadId}`,
  });
  for (let i = 0; i < attempts; i++) {
    try {
      return (await connect.send(command)).ContactId;
    } catch (err) {
      if (i === attempts - 1) throw err;
    }
  }
  return undefined;
}

// Legacy v2 client still used by the nightly re-try job.
const legacyConnect = new AWS.Connect({ region: process.env.AWS_REGION });

export async function legacyRetry(lead: CampaignLead): Promise<string | undefined> {
  const out = await legacyConnect.startOutboundVoiceContact({ // $ Alert[require-consent-check]
    DestinationPhoneNumber: lead.phone,
    ContactFlowId: CONTACT_FLOW_ID,
    InstanceId: INSTANCE_ID,
  }).promise();
  return out.ContactId;
}

export async function legacyRetryChecked(lead: CampaignLead): Promise<string | undefined> {
  if (!(await consent.hasOptIn(lead.phone))) return undefined;
  const out = await legacyConnect.startOutboundVoiceContact({ // safe: opt-in checked
    DestinationPhoneNumber: lead.phone,
    ContactFlowId: CONTACT_FLOW_ID,
    InstanceId: INSTANCE_ID,
  }).promise();
  return out.ContactId;
}

// Not dialling.
export async function stopContact(contactId: string): Promise<void> {
  await connect.send(new StopContactCommand({ ContactId: contactId, InstanceId: INSTANCE_ID })); // safe: stops a contact
}

export async function contactState(contactId: string): Promise<string | undefined> {
  const out = await connect.send(new DescribeContactCommand({ ContactId: contactId, InstanceId: INSTANCE_ID })); // safe: reads a contact
  return out.Contact?.InitiationMethod;
}
