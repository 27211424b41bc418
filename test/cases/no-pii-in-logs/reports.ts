// Supervisor reporting service (no telephony SDK here): `from`/`to` are date ranges, not phone numbers.
import express from 'express';
import winston from 'winston';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const app = express();

interface ReportRange {
  from: Date;
  to: Date;
}

interface AgentStats {
  agentId: string;
  handled: number;
  avgHandleSec: number;
  phoneModel: string;
}

interface Customer {
  id: string;
  phone: string;
}

function parseRange(query: Record<string, string | undefined>): ReportRange {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * 86_400_000);
  return { from, to };
}

app.get('/reports/agents', async (req, res) => {
  const { from, to } = parseRange(req.query as Record<string, string | undefined>);
  logger.info('agent report requested', { from, to }); // safe: a date range
  logger.info(`agent report from ${from.toISOString()} to ${to.toISOString()}`); // safe: a date range

  const stats = await loadAgentStats(from, to);
  logger.info('agent report rows', { rows: stats.length }); // safe: a count
  logger.debug('agent report', stats); // safe: AgentStats has no PII property (phoneModel is a device)
  res.json(stats);
});

app.get('/reports/export', (req, res) => {
  const startDate = new Date(String(req.query.start));
  const endDate = new Date(String(req.query.end));
  logger.info('export window', { from: startDate, to: endDate }); // safe: a date range
  res.status(202).json({ queued: true });
});

app.get('/reports/top-customers', async (_req, res) => {
  const customers = await loadTopCustomers();
  // Supervisors asked for the raw list in the log "just for a week".
  logger.info('top customers', customers); // $ Alert[no-pii-in-logs]
  logger.info('top customers', customers.map((customer) => customer.id)); // safe: identifiers
  logger.info(`top customer ${customers[0]?.phone}`); // $ Alert[no-pii-in-logs]
  res.json(customers.map((customer) => ({ id: customer.id })));
});

async function loadAgentStats(from: Date, to: Date): Promise<AgentStats[]> {
  logger.debug('querying warehouse', { from, to }); // safe: a date range
  return [];
}

async function loadTopCustomers(): Promise<Customer[]> {
  return [];
}

app.listen(3001);
