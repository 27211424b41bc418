// Agent softphone in the browser: Twilio Voice SDK device, logs through loglevel.
import { Call, Device } from '@twilio/voice-sdk';
import log from 'loglevel';
import { maskPhone } from '@acme/pii';

const softphoneLog = log.getLogger('softphone');
softphoneLog.setLevel('info');

interface AgentProfile {
  agentId: string;
  extension: string;
  phoneModel: string; // the desk phone the agent falls back to
  isPhoneVerified: boolean;
}

interface ScreenPop {
  customerId: string;
  mobile: string;
  openTickets: number;
}

export function registerSoftphone(token: string, agent: AgentProfile): Device {
  const device = new Device(token, { logLevel: 'warn', codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU] });

  log.info('registering softphone for agent', agent.agentId); // safe: agent id
  log.info('agent profile', agent); // safe: no PII fields in AgentProfile
  softphoneLog.debug('desk phone', agent.phoneModel, 'verified', agent.isPhoneVerified); // safe: model name and flag

  device.on('incoming', (call: Call) => {
    const from = call.parameters.From;
    softphoneLog.info('incoming call from', from); // $ Alert[no-pii-in-logs]
    softphoneLog.info('incoming call from', maskPhone(from)); // safe: masked
    softphoneLog.info('incoming call', call.parameters.CallSid); // safe: SID

    call.on('disconnect', () => {
      log.info(`call with ${from} ended`); // $ Alert[no-pii-in-logs]
      log.info(`call ${call.parameters.CallSid} ended`); // safe: SID
    });
  });

  device.on('error', (error) => {
    log.error('device error', error.code, error.message); // safe: error details
  });

  return device;
}

export function showScreenPop(pop: ScreenPop): void {
  log.info('screen pop', pop); // $ Alert[no-pii-in-logs]
  log.info('screen pop', { customerId: pop.customerId, openTickets: pop.openTickets }); // safe: no PII
  softphoneLog.warn(`callback number on file: ${pop.mobile}`); // $ Alert[no-pii-in-logs]
  softphoneLog.warn(`callback number on file: ${maskPhone(pop.mobile)}`); // safe: masked
}
