// Post-call summaries for the CRM: the transcript goes to an LLM. Identifiers must be redacted first;
// the model provider is a processor, and prompts may be retained for abuse monitoring.
import OpenAI from 'openai';
import express from 'express';
import twilio from 'twilio';
import { redactTranscript } from '@acme/pii';

interface CallRecord {
  callSid: string;
  callerNumber: string;
  callerName: string;
  transcript: string;
  durationSec: number;
}

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function summarise(call: CallRecord): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You summarise contact-centre calls for the CRM in three bullet points.' }, // safe: instructions
      { role: 'user', content: `Summarize call with ${call.callerNumber}: ${redactTranscript(call.transcript)}` }, // $ Alert[no-pii-to-third-party]
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function summariseRedacted(call: CallRecord): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You summarise contact-centre calls for the CRM in three bullet points.' }, // safe: instructions
      { role: 'user', content: `Call ${call.callSid} (${call.durationSec}s): ${redactTranscript(call.transcript)}` }, // safe: SID, duration, redacted text
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function greetingFor(call: CallRecord): Promise<string> {
  const response = await openai.responses.create({
    model: 'gpt-4o-mini',
    input: `Write a one-line greeting for ${call.callerName}, who called from ${call.callerNumber}.`, // $ Alert[no-pii-to-third-party]
  });
  return response.output_text;
}

export async function dailyDigest(calls: CallRecord[]): Promise<string> {
  const longCalls = calls.filter((c) => c.durationSec > 600).length;
  const response = await openai.responses.create({
    model: 'gpt-4o-mini',
    input: `Today: ${calls.length} calls, ${longCalls} longer than ten minutes. Write a short digest.`, // safe: aggregate counts
  });
  return response.output_text;
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/transcribed', twilio.webhook(), async (req, res) => {
  const intent = await openai.responses.create({
    model: 'gpt-4o-mini',
    input: [{ role: 'user', content: `Caller ${req.body.From} said: ${redactTranscript(req.body.TranscriptionText ?? '')}` }], // $ Alert[no-pii-to-third-party]
  });
  const safeIntent = await openai.responses.create({
    model: 'gpt-4o-mini',
    input: redactTranscript(req.body.TranscriptionText ?? ''), // safe: redacted transcript
  });
  res.json({ intent: intent.output_text, safeIntent: safeIntent.output_text });
});
