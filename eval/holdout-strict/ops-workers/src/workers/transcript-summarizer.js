'use strict';

const { Worker } = require('bullmq');
const tracer = require('dd-trace');
const config = require('../../config');
const { openai, Sentry } = require('../lib/clients');
const db = require('../lib/db');

const PHONE_RUN = /\+?\d[\d\s-]{6,}\d/g;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g;

function redact(text) {
  return text.replace(EMAIL, '[email]').replace(PHONE_RUN, '[number]');
}

function clip(text) {
  return text.length > config.openai.maxTranscriptChars ? text.slice(-config.openai.maxTranscriptChars) : text;
}

async function summarise(job) {
  const { callSid } = job.data;
  const span = tracer.scope().active();
  if (span) span.setTag('call.sid', callSid); // safe: no-pii-to-third-party — call SID

  const { rows } = await db.query('SELECT t.text, c.customer_phone, c.customer_email, c.complaint FROM transcripts t JOIN calls c USING (call_sid) WHERE call_sid = $1', [callSid]);
  if (rows.length === 0) return { skipped: true };
  const { text, customer_phone: customerPhone, complaint } = rows[0];

  const summary = await openai.responses.create({ model: config.openai.model, instructions: 'Summarise the call for the CRM timeline in two sentences.', input: clip(redact(text)) }); // safe: no-pii-to-third-party — transcript redacted first

  let complaintDraft = null;
  if (complaint) {
    // Complaints go to the regulator-facing team, who want the customer's number in the letter.
    const draft = await openai.responses.create({ model: 'gpt-4o', input: `Draft a complaint acknowledgement letter for the customer on ${customerPhone}. Their complaint: ${redact(complaint)}` }); // expect: no-pii-to-third-party
    complaintDraft = draft.output_text;
  }

  await db.query('UPDATE calls SET ai_summary = $2, complaint_draft = $3 WHERE call_sid = $1', [callSid, summary.output_text, complaintDraft]);
  return { ok: true };
}

const worker = new Worker('transcript-summary', summarise, { connection: { url: config.redisUrl }, concurrency: 4 });
worker.on('failed', (job, err) => Sentry.captureException(err, { extra: { callSid: job && job.data.callSid, attempts: job && job.attemptsMade } })); // safe: no-pii-to-third-party — SID and attempt count

module.exports = { summarise, redact };
