// Survey and win-back calls through the jambonz REST API (@jambonz/node-client).
import jambonz from '@jambonz/node-client';
import { contactPolicy, doNotCall } from '@acme/compliance';

interface SurveyTarget {
  ticketId: string;
  phone: string;
  surveyConsent: boolean;
}

const CALLER_ID = process.env.JAMBONZ_CALLER_ID ?? '';
const APP_BASE = 'https://surveys.acme-contact.com/jambonz';

const client = jambonz(process.env.JAMBONZ_ACCOUNT_SID ?? '', process.env.JAMBONZ_API_KEY ?? '', {
  baseUrl: 'https://api.jambonz.cloud',
});

export async function csatSurvey(target: SurveyTarget): Promise<string> {
  const callSid = await client.calls.create({ // $ Alert[require-consent-check]
    from: CALLER_ID,
    to: { type: 'phone', number: target.phone },
    call_hook: { url: `${APP_BASE}/csat`, method: 'POST' },
    call_status_hook: { url: `${APP_BASE}/status`, method: 'POST' },
    tag: { ticketId: target.ticketId },
  });
  return callSid;
}

export async function csatSurveyChecked(target: SurveyTarget): Promise<string | undefined> {
  if (!target.surveyConsent) return undefined;
  return client.calls.create({ // safe: same target's consent flag
    from: CALLER_ID,
    to: { type: 'phone', number: target.phone },
    call_hook: { url: `${APP_BASE}/csat`, method: 'POST' },
  });
}

// Nightly win-back run over churned customers.
export async function winBack(targets: SurveyTarget[]): Promise<number> {
  let placed = 0;
  for (const target of targets) {
    if (await doNotCall.isListed(target.phone)) continue;
    await client.calls.create({ // safe: DNC skip with continue
      from: CALLER_ID,
      to: { type: 'phone', number: target.phone },
      call_hook: { url: `${APP_BASE}/win-back`, method: 'POST' },
    });
    placed++;
  }
  return placed;
}

// The policy check runs, but the call goes out whatever it says.
export async function winBackIgnoringPolicy(target: SurveyTarget): Promise<void> {
  const decision = await contactPolicy.mayContact(target.phone);
  await client.calls.create({ // $ Alert[require-consent-check]
    from: CALLER_ID,
    to: { type: 'phone', number: target.phone },
    call_hook: { url: `${APP_BASE}/win-back`, method: 'POST' },
    tag: { policy: String(decision) },
  });
}

// Not dialling: live-call control.
export async function endSurvey(callSid: string): Promise<void> {
  await client.calls.update(callSid, { call_status: 'completed' }); // safe: ends a live call
}

export async function whisperToAgent(callSid: string, text: string): Promise<void> {
  await client.calls.update(callSid, { whisper: { verb: 'say', text } }); // safe: speaks into a live call
}
