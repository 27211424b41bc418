import mqtt from 'mqtt';
import { connect as natsConnect, StringCodec, type NatsConnection } from 'nats';
import { config } from '../config';
import { logger } from '../lib/log';

export type AgentState = 'available' | 'dialing' | 'on-call' | 'wrap-up' | 'away';

const sc = StringCodec();

const presence = mqtt.connect(config.presence.mqttUrl, { clientId: `agent-api-${process.pid}`, clean: true });
const wallboard = mqtt.connect(config.presence.wallboardMqttUrl, { clientId: `agent-api-wallboard-${process.pid}` });
let nats: NatsConnection | undefined;

presence.on('error', (err) => logger.warn('presence MQTT error', err.message));
wallboard.on('error', (err) => logger.warn('wallboard MQTT error', err.message));

export async function startPresence(): Promise<void> {
  nats = await natsConnect({ servers: config.presence.natsServers, name: 'agent-api', tls: { caFile: config.compliance.caFile } });
  logger.info('presence connected');
}

/** Agent state for the desktop (retained) and the floor wallboard. */
export function publishAgentState(agentId: string, state: AgentState, callId?: string): void {
  const at = new Date().toISOString();
  presence.publish(`agents/${agentId}/state`, JSON.stringify({ state, callId, at }), { qos: 1, retain: true });
  wallboard.publish('floor3/agents', JSON.stringify({ agentId, state, callId, at }), { qos: 0 });
  nats?.publish(`agent.${agentId}.state`, sc.encode(state));
}
