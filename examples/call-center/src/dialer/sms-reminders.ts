import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { Auth } from '@vonage/auth';
import { Vonage } from '@vonage/server-sdk';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';
import { twilioClient } from '../lib/twilio.js';
import { assertCanContact, hasConsent, isOnDnc } from '../services/consent.js';
import { countSmsToday } from '../storage/session-cache.js';
import type { Appointment, Customer, E164 } from '../types.js';

const sns = new SNSClient({ region: config.aws.region });
const vonage = new Vonage(new Auth({ apiKey: config.vonage.apiKey, apiSecret: config.vonage.apiSecret }));

const TRANSACTIONAL = { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } };
const MAX_SMS_PER_DAY = 3;

function formatTime(date: Date): string {
  return date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
}

function formatDollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** Branch appointment reminder, sent the day before. */
export async function sendAppointmentReminder(appointment: Appointment): Promise<void> {
  const { customer } = appointment;
  await assertCanContact(customer.phone, 'sms');

  const message = `Northwind: reminder of your appointment at ${appointment.branchName} tomorrow at ${formatTime(appointment.startsAt)}. Reply STOP to opt out.`;
  await sns.send(new PublishCommand({ PhoneNumber: customer.phone, Message: message, MessageAttributes: TRANSACTIONAL }));
  if (appointment.contactPhone && appointment.contactPhone !== customer.phone) {
    // Bookings taken over the phone often leave a different contact number; remind that one too.
    await sns.send(new PublishCommand({ PhoneNumber: appointment.contactPhone, Message: message, MessageAttributes: TRANSACTIONAL })); // $ Alert[require-consent-check]
  }
  logger.info('appointment reminder sent', { appointmentId: appointment.id, customerId: customer.id });
}

/** Nightly billing job: one notice per customer with a balance due. */
export async function sendPaymentDueNotices(customers: Customer[]): Promise<number> {
  let sent = 0;
  for (const customer of customers) {
    if (customer.balanceDueCents <= 0) continue;
    if ((await countSmsToday(customer.phone)) > MAX_SMS_PER_DAY) continue;
    await vonage.sms.send({ // $ Alert[require-consent-check]
      to: customer.phone,
      from: config.vonage.senderId,
      text: `Northwind: a payment of ${formatDollars(customer.balanceDueCents)} is due on your account. Reply STOP to opt out.`,
    });
    sent += 1;
  }
  logger.info('payment due notices sent', { sent, candidates: customers.length });
  return sent;
}

/** Low-balance alerts go only to customers who opted in to account alerts. */
export async function sendLowBalanceAlert(customer: Customer, balanceCents: number): Promise<boolean> {
  if (customer.smsOptIn && !(await isOnDnc(customer.phone))) {
    await vonage.sms.send({
      to: customer.phone,
      from: config.vonage.senderId,
      text: `Northwind: your prepaid balance is ${formatDollars(balanceCents)}. Reply STOP to opt out.`,
    });
    return true;
  }
  return false;
}

/** Confirms a booked callback slot by text, when the caller agreed to texts. */
export async function confirmCallbackBySms(phone: E164, slot: Date): Promise<string | null> {
  const message = (await hasConsent(phone, 'sms'))
    ? await twilioClient.messages.create({
        to: phone,
        messagingServiceSid: config.twilio.messagingServiceSid,
        body: `Northwind: an agent will call you back at ${formatTime(slot)}. Reply STOP to opt out.`,
      })
    : null;
  return message?.sid ?? null;
}
