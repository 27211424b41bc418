// Nightly reports; some log lines are reviewed exceptions.
declare const logger: { info(...args: unknown[]): void };

export function reportDialString(dialString: string, agentId: string): void {
  console.log('dialled', dialString, 'for agent', agentId); // $ Alert[no-pii-in-logs]
}

export function reportGateway(callerNumber: string): void {
  // piiguard-ignore-next-line no-pii-in-logs -- the gateway masks numbers before the log shipper (SEC-118)
  console.log('gateway caller', callerNumber);
}

export function reportQueue(queueName: string, waiting: number): void {
  /* piiguard-ignore-next-line no-pii-in-logs -- queue stats only */ // $ Alert[no-invalid-suppression]
  logger.info('queue', queueName, waiting);
}

export function reportAgent(agentPhone: string): void {
  /* piiguard-ignore-next-line no-pii-in-logs */ // $ Alert[no-invalid-suppression]
  console.log('agent phone', agentPhone); // $ Alert[no-pii-in-logs]
}
