// Agent desktop back end: after a call is answered, redirect the agent's browser to the right CRM screen.
// Redirect targets end up in the browser history, the Referer header and the CRM's access log.
import express from 'express';
import type { Request, Response } from 'express';
import twilio from 'twilio';
import { tokenize } from '@acme/pii';

interface AnsweredCall {
  callSid: string;
  leadId?: string;
  callerNumber: string;
  callerName?: string;
}

const app = express();
app.use(express.urlencoded({ extended: false }));

const answered = new Map<string, AnsweredCall>();

app.post('/voice/answered', twilio.webhook(), (req: Request, res: Response) => {
  answered.set(req.body.CallSid, { callSid: req.body.CallSid, callerNumber: req.body.From });
  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});

app.get('/desk/pop/:callSid', async (req: Request, res: Response) => {
  const call = answered.get(req.params.callSid ?? '');
  if (!call) return res.redirect('/desk'); // safe: no data in the URL
  if (call.leadId) return res.redirect(`/crm/leads/${call.leadId}`); // safe: an id in the path
  if (req.query.mode === 'legacy') return res.redirect(`/crm/lookup?phone=${call.callerNumber}`); // $ Alert[no-pii-in-url]
  if (req.query.mode === 'named') return res.redirect(302, `/crm/lookup?name=${call.callerName ?? ''}`); // $ Alert[no-pii-in-url]
  const token = await tokenize(call.callerNumber);
  return res.redirect(`/crm/lookup?t=${token}`); // safe: tokenized
});

app.post('/desk/callback', (req: Request, res: Response) => {
  const phone = String(req.body.phone ?? '');
  res.redirect('/desk/callback/new?phone=' + phone); // $ Alert[no-pii-in-url]
});

app.get('/desk/call/:callSid', (req: Request, res: Response) => {
  res.redirect(`/desk/calls/${req.params.callSid}/summary`); // safe: call SID in the path
});

app.post('/desk/transfer', (req: Request, res: Response) => {
  const { callSid, targetQueue } = req.body as { callSid: string; targetQueue: string };
  res.redirect(303, `/desk/calls/${callSid}?queue=${encodeURIComponent(targetQueue)}`); // safe: SID and queue name
});

app.get('/desk/search', (req: Request, res: Response) => {
  // The search form posts the number; only the result id goes back into the URL.
  res.redirect(`/desk/search/results/${String(req.query.resultId ?? '')}`); // safe: a result id
});

app.listen(Number(process.env.PORT ?? 3000));
