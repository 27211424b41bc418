// Agent softphone monitoring: Datadog RUM for the browser session, Bugsnag for crashes.
import Bugsnag from '@bugsnag/js';
import { datadogRum } from '@datadog/browser-rum';
import { Device } from '@twilio/voice-sdk';
import type { Call } from '@twilio/voice-sdk';
import { maskPhone } from '@acme/pii';

type E164 = string & { readonly __brand: 'E164' };

interface AgentSession {
  agentId: string;
  team: string;
  phone: string;
}

datadogRum.init({ applicationId: 'softphone', clientToken: process.env.DD_CLIENT_TOKEN ?? '', site: 'datadoghq.eu' });
Bugsnag.start({ apiKey: process.env.BUGSNAG_API_KEY ?? '' });

export function startSession(session: AgentSession): void {
  datadogRum.setUser({ id: session.agentId, team: session.team }); // safe: agent id and team
  datadogRum.setUser({ id: session.agentId, phone: session.phone }); // $ Alert[no-pii-to-third-party]
  Bugsnag.setUser(session.agentId); // safe: agent id
}

export function watchCalls(device: Device): void {
  device.on('incoming', (call: Call) => {
    const callerNumber = call.parameters.From as E164;
    const callSid = call.parameters.CallSid ?? '';
    datadogRum.addAction('incoming-call', { callSid }); // safe: call SID
    datadogRum.addAction('incoming-call', { caller: callerNumber }); // $ Alert[no-pii-to-third-party]
    datadogRum.setGlobalContextProperty('activeCaller', callerNumber); // $ Alert[no-pii-to-third-party]
    datadogRum.setGlobalContextProperty('activeCall', callSid); // safe: call SID

    call.on('error', (err: Error) => {
      Bugsnag.notify(err, (event) => event.addMetadata('caller', { phone: callerNumber })); // $ Alert[no-pii-to-third-party]
      Bugsnag.notify(err, (event) => event.addMetadata('call', { callSid })); // safe: call SID
      Bugsnag.notify(err, (event) => event.addMetadata('call', { callerHint: maskPhone(callerNumber) })); // safe: masked
    });
  });
}

export function reportDialError(err: Error, dialled: E164, queueDepth: number): void {
  Bugsnag.notify(err, (event) => {
    event.addMetadata('dial', { queueDepth }); // safe: a count
    event.addMetadata('dial', { number: dialled }); // $ Alert[no-pii-to-third-party]
  });
  datadogRum.addError(err, { queueDepth }); // safe: a count
}
