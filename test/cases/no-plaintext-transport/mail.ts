// Email side of the contact centre: missed-call digests to supervisors, voicemail-to-email.
import nodemailer from 'nodemailer';

const auth = { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD };

// Port 587 without STARTTLS enforced: a downgrade leaves the digest in clear text.
export const digestMailer = nodemailer.createTransport({
  host: 'smtp.acme-contact.com',
  port: 587,
  secure: false, // $ Alert[no-plaintext-transport]
  auth,
});

// Relay inside the old data centre, TLS explicitly ignored.
export const relayMailer = nodemailer.createTransport({
  host: 'relay.dc1.acme-contact.com',
  port: 25,
  secure: false, // $ Alert[no-plaintext-transport]
  ignoreTLS: true,
});

export const voicemailMailer = nodemailer.createTransport({
  host: 'smtp.acme-contact.com',
  port: 587,
  secure: false, // safe: STARTTLS is required below
  requireTLS: true,
  auth,
});

export const implicitTlsMailer = nodemailer.createTransport({
  host: 'smtp.acme-contact.com',
  port: 465,
  secure: true, // safe: implicit TLS
  auth,
});

export const devMailer = nodemailer.createTransport({
  host: 'localhost',
  port: 1025,
  secure: false, // safe: Mailpit on loopback
});

export const providerMailer = nodemailer.createTransport({ service: 'SendGrid', auth }); // safe: provider preset uses TLS

export async function sendMissedCallDigest(missed: number, team: string): Promise<void> {
  await voicemailMailer.sendMail({
    from: 'dialer@acme-contact.com',
    to: process.env.SUPERVISORS_LIST,
    subject: `${team}: ${missed} missed calls today`,
    text: `There were ${missed} missed calls for ${team}. Details are in the wallboard.`,
  });
}

// UI toggle in the mail settings page, not a transport.
export const mailSettingsForm = {
  label: 'Use implicit TLS (port 465)',
  secure: false, // safe: form default, no connection settings next to it
  helpText: 'Turn on for providers that do not support STARTTLS.',
};
