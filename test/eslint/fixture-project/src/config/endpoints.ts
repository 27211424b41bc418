// Endpoints of the telephony stack.
export const CRM_WEBHOOK = { statusCallback: 'http://crm.acme-contact.com/hooks/call-status' }; // $ Alert[no-plaintext-transport]
export const LOCAL_HEALTH = { endpoint: 'http://localhost:8080/health' }; // safe: loopback
export const CLUSTER_EVENTS = { endpoint: 'http://events.telephony.svc.cluster.local/calls' }; // safe: safe host in piiguard.config.json
export const SIP_TRUNK = { uri: 'sip:dialer@pbx.acme-contact.com', transport: 'tls' }; // $ Alert[no-plaintext-transport]

export async function postCallEvent(event: { callSid: string; status: string }): Promise<void> {
  await fetch('http://events.acme-contact.com/v1/calls', { method: 'POST', body: JSON.stringify(event) }); // $ Alert[no-plaintext-transport]
}
