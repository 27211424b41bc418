import winston from 'winston';

/**
 * Application logger: JSON lines to stdout, shipped to the log platform by the node agent.
 * Logs are searchable by the whole engineering org, so phone numbers and card data go
 * through maskPhone()/maskCard() first, or are left out.
 */
export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.combine(
    winston.format.timestamp(),
    winston.format.errors({ stack: true }),
    winston.format.json(),
  ),
  defaultMeta: { service: 'call-center' },
  transports: [new winston.transports.Console()],
});

/**
 * Keeps the leading "+1" and the last two digits: enough for an agent or an on-call
 * engineer to tell two calls apart, not enough to call anyone back.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '(none)';
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.length <= 4) return '****';
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** PCI DSS 3.4: at most the last four digits of a PAN may be shown. */
export function maskCard(cardNumber: string): string {
  return `**** **** **** ${cardNumber.slice(-4)}`;
}
