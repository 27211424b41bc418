// Self-service callback page (Express): remembers the visitor between page loads with cookies.
import express from 'express';
import Cookies from 'js-cookie';
import { createHmac } from 'node:crypto';
import { sealToken } from '@acme/crypto';

const COOKIE_KEY = process.env.COOKIE_HMAC_KEY ?? '';
const app = express();
app.use(express.urlencoded({ extended: false }));

interface CallbackForm {
  phone: string;
  nationalId?: string;
  email: string;
  topic: 'billing' | 'technical' | 'sales';
}

app.post('/callback-request', (req, res) => {
  const form = req.body as CallbackForm;

  res.cookie('cb_phone', form.phone, { httpOnly: true, secure: true }); // $ Alert[no-plaintext-pii-storage]
  res.cookie('cb_phone', sealToken(form.phone), { httpOnly: true, secure: true }); // safe: sealed
  res.cookie('cb_topic', form.topic, { httpOnly: true, secure: true }); // safe: not PII
  res.cookie('cb_email', form.email, { httpOnly: true, secure: true }); // safe: email is not a kind of this rule
  res.cookie('cb_ref', createHmac('sha256', COOKIE_KEY).update(form.phone).digest('hex'), { httpOnly: true }); // safe: keyed HMAC

  if (form.nationalId) {
    res.cookie('cb_kyc', JSON.stringify({ nationalId: form.nationalId, topic: form.topic }), { httpOnly: true }); // $ Alert[no-plaintext-pii-storage]
    res.cookie('cb_kyc', JSON.stringify({ topic: form.topic, kycPending: true }), { httpOnly: true }); // safe: no PII
  }

  res.redirect(303, '/callback-requested');
});

app.get('/callback-requested', (req, res) => {
  res.cookie('cb_seen', '1', { maxAge: 86_400_000 }); // safe: a flag
  res.clearCookie('cb_phone'); // safe: clearing writes nothing
  res.send('Thanks, we will call you back.');
});

// The page script stores the number for the "call me again" button.
export function rememberOnClient(phone: string, topic: string): void {
  Cookies.set('cb_phone', phone, { secure: true, sameSite: 'strict' }); // $ Alert[no-plaintext-pii-storage]
  Cookies.set('cb_topic', topic, { secure: true, sameSite: 'strict' }); // safe: not PII
}

app.listen(3000);
