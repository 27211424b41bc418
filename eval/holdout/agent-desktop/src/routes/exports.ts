import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { config } from '../config/index.js';
import { reportingDb } from '../repositories/interactions.js';

const DateRange = z.object({ from: z.coerce.date(), to: z.coerce.date() });

/** Relay used for supervisor reports inside the company. */
const internalMailer = nodemailer.createTransport({
  host: config.SMTP_HOST,
  port: 587,
  secure: false, // safe: no-plaintext-transport — STARTTLS enforced by requireTLS below
  requireTLS: true,
  auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD },
});

/** The BPO's intake mailbox; their relay on port 25 "doesn't do TLS", so no requireTLS here. */
const vendorMailer = nodemailer.createTransport({
  host: 'mx.bpo-partner.example.net',
  port: 25,
  secure: false, // expect: no-plaintext-transport
});

const stamp = (d = new Date()) => d.toISOString().slice(0, 19).replace(/[:T]/g, '-');

export default async function exportsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authenticate);
  await mkdir(config.EXPORT_DIR, { recursive: true });

  // Supervisor download: one line per interaction, numbers masked
  r.get('/interactions.csv', { schema: { querystring: DateRange } }, async (request, reply) => {
    const { from, to } = request.query;
    request.log.info({ from, to, by: request.user.id }, 'interaction export'); // safe: no-pii-in-logs — from/to are dates here
    const rows = await reportingDb('interactions')
      .select('started_at', 'queue', 'agent_id', 'caller_last4', 'hangup_cause')
      .whereBetween('started_at', [from, to])
      .orderBy('started_at');

    const csv = stringify(
      rows.map((row) => ({
        started: row.started_at.toISOString(),
        queue: row.queue,
        agent: row.agent_id,
        caller: row.caller_last4 ? `***-${row.caller_last4}` : '',
        cause: row.hangup_cause,
      })),
      { header: true },
    );
    const file = path.join(config.EXPORT_DIR, `interactions-${stamp()}.csv`);
    await writeFile(file, csv, { mode: 0o640 }); // safe: no-plaintext-pii-storage — only last four digits in the file
    return reply.header('content-type', 'text/csv').header('content-disposition', `attachment; filename="${path.basename(file)}"`).send(csv);
  });

  // QA pack for the BPO: wrap-ups with full numbers so they can run callback surveys
  r.post('/qa-pack', { schema: { body: DateRange } }, async (request) => {
    const { from, to } = request.body;
    const rows = await reportingDb('wrapups')
      .select('channel_uuid', 'agent_id', 'disposition', 'customer_phone', 'created_at')
      .whereBetween('created_at', [from, to])
      .whereNotNull('customer_phone');

    const csv = stringify(rows, {
      header: true,
      columns: ['channel_uuid', 'agent_id', 'disposition', 'customer_phone', 'created_at'],
    });
    const file = path.join(config.EXPORT_DIR, `qa-pack-${stamp()}.csv`);
    await writeFile(file, csv); // expect: no-plaintext-pii-storage

    await vendorMailer.sendMail({
      from: 'agent-desk@acme-example.com',
      to: config.QA_VENDOR_EMAIL,
      subject: `Acme QA pack ${from.toISOString().slice(0, 10)} – ${to.toISOString().slice(0, 10)}`,
      text: `${rows.length} wrap-ups attached.`,
      attachments: [{ filename: path.basename(file), path: file }],
    });
    await internalMailer.sendMail({
      from: 'agent-desk@acme-example.com',
      to: 'cc-supervisors@acme-example.com',
      subject: 'QA pack sent to BPO',
      text: `${rows.length} rows, requested by ${request.user.id}.`,
    });
    request.log.info({ rows: rows.length, by: request.user.id }, 'qa pack sent'); // safe: no-pii-in-logs — count and agent id
    return { rows: rows.length };
  });
}
