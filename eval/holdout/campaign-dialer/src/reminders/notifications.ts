/** Customer notifications: SMS reminders and agent-less voice notices. */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { addHours, endOfDay, startOfDay } from 'date-fns';
import { formatInTimeZone } from 'date-fns-tz';
import twilio, { type Twilio } from 'twilio';
import { Between, IsNull, Repository } from 'typeorm';
import { Contact } from '../contacts/contact.entity';
import type { CallAttempt } from '../calls/call-attempt.entity';
import { ConsentService } from '../consent/consent.service';
import { TWILIO_CLIENT } from '../telephony/twilio.service';

const CALLBACK_LINE = '(202) 555-0143';

@Injectable()
export class SmsReminderService {
  private readonly logger = new Logger(SmsReminderService.name);
  private readonly messagingServiceSid: string;

  constructor(
    @Inject(TWILIO_CLIENT) private readonly twilio: Twilio,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly consent: ConsentService,
    config: ConfigService,
  ) {
    this.messagingServiceSid = config.getOrThrow<string>('twilio.messagingServiceSid');
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  async sendDueReminders(): Promise<void> {
    const now = new Date();
    const due = await this.contacts.find({
      where: { appointmentAt: Between(addHours(now, 23), addHours(now, 24)), reminderSentAt: IsNull() },
      take: 500,
    });
    this.logger.log(`reminders: ${due.length} appointments in the 24h window`); // safe: no-pii-in-logs — count only
    for (const contact of due) {
      try {
        await this.sendReminder(contact);
      } catch (err) {
        this.logger.error(`reminder for contact ${contact.id} failed, Twilio code ${(err as { code?: number }).code ?? 'n/a'}`); // safe: no-pii-in-logs — contact id and error code only
      }
    }
  }

  async sendReminder(contact: Contact): Promise<void> {
    if (!contact.smsOptIn || contact.smsOptOutAt) return;
    const when = formatInTimeZone(contact.appointmentAt!, contact.timezone, "EEE MMM d 'at' h:mm a");
    const msg = await this.twilio.messages.create({ // safe: require-consent-check — early return on the contact's opt-in
      to: contact.phone,
      messagingServiceSid: this.messagingServiceSid,
      body: `Hi ${contact.firstName}, this is a reminder of your appointment ${when}. Reply C to confirm or R to reschedule. Reply STOP to opt out.`,
    });
    await this.contacts.update(contact.id, { reminderSentAt: new Date() });
    this.logger.debug({ msg: 'reminder sent', sid: msg.sid, to: contact.phone }); // expect: no-pii-in-logs
  }

  /** Office closure / weather notice to everyone booked on a given day. */
  async broadcastClosure(day: Date, text: string): Promise<number> {
    const booked = await this.contacts.find({
      where: { appointmentAt: Between(startOfDay(day), endOfDay(day)) },
    });
    const reachable = booked.filter((c) => c.smsOptIn && !c.smsOptOutAt);
    await Promise.all(
      reachable.map((c) =>
        this.twilio.messages.create({ to: c.phone, messagingServiceSid: this.messagingServiceSid, body: text }), // safe: require-consent-check — list filtered on opt-in
      ),
    );
    return reachable.length;
  }

  /** "Sorry we missed you" after a no-answer / busy campaign call. */
  async sendNoAnswerFollowUp(attempt: CallAttempt): Promise<void> {
    const allowed = await this.consent.canText(attempt.dialedNumber);
    if (!allowed) {
      // COMP-412: shadow mode until the consent backfill lands — log, don't block
      this.logger.warn(`follow-up SMS for attempt ${attempt.id} has no recorded SMS consent`);
    }
    await this.twilio.messages.create({ // expect: require-consent-check
      to: attempt.dialedNumber,
      messagingServiceSid: this.messagingServiceSid,
      body: `Sorry we missed you! Call us back at ${CALLBACK_LINE} or reply with a good time to reach you.`,
    });
  }
}

/** Agent-less voice notices: a short <Say> message, no transfer. */
@Injectable()
export class VoiceNoticeService {
  private readonly logger = new Logger(VoiceNoticeService.name);
  private readonly callerId: string;

  constructor(
    @Inject(TWILIO_CLIENT) private readonly twilioClient: Twilio,
    private readonly consent: ConsentService,
    config: ConfigService,
  ) {
    this.callerId = config.getOrThrow<string>('twilio.callerId');
  }

  private say(text: string): string {
    const vr = new twilio.twiml.VoiceResponse();
    vr.say({ voice: 'Polly.Joanna' }, text);
    vr.pause({ length: 1 });
    vr.say({ voice: 'Polly.Joanna' }, text);
    return vr.toString();
  }

  /** Back office moved an appointment: ring the customer with the new time. */
  async confirmReschedule(contact: Contact, newTime: Date): Promise<string> {
    const when = formatInTimeZone(newTime, contact.timezone, "EEEE MMMM d 'at' h:mm a");
    const call = await this.twilioClient.calls.create({ // expect: require-consent-check
      to: contact.phone,
      from: this.callerId,
      twiml: this.say(`Hello ${contact.firstName}. Your appointment has been moved to ${when}.`),
    });
    if (!contact.voiceOptIn) {
      this.logger.warn(`contact ${contact.id} has no voice consent on file (call ${call.sid})`); // safe: no-pii-in-logs — contact id and call SID
    }
    return call.sid;
  }

  /** Office closed for the day: tell everyone who was booked. */
  async notifyClosure(contacts: Contact[], reason: string): Promise<number> {
    let placed = 0;
    for (const contact of contacts) {
      if (!(await this.consent.canCall(contact.phone))) continue;
      await this.twilioClient.calls.create({ // safe: require-consent-check — `continue` when canCall(contact.phone) is false
        to: contact.phone,
        from: this.callerId,
        twiml: this.say(`Hello ${contact.firstName}. Our office is closed today because of ${reason}. We will call you to rebook.`),
      });
      placed += 1;
    }
    this.logger.log(`closure notice: ${placed}/${contacts.length} calls placed`); // safe: no-pii-in-logs — counts only
    return placed;
  }
}
