import { Op } from 'sequelize';
import config from '../config';
import log from '../lib/logger';
import { Campaign, Contact, SmsMessage } from '../db/models';
import { canText, isOnDnc } from '../services/consent';
import { decryptPhone } from '../lib/crypto';
import { client as messagebird, sendCampaignSms } from '../services/messagebird';
import { sinchClient } from '../services/sinch';

export interface CampaignStats {
  sent: number;
  skipped: number;
  failed: number;
}

const emptyStats = (): CampaignStats => ({ sent: 0, skipped: 0, failed: 0 });

/** Marketing SMS to every contact in the campaign's segment who may be texted. */
export async function runSmsCampaign(campaignId: string): Promise<CampaignStats> {
  const stats = emptyStats();
  const campaign = await Campaign.findByPk(campaignId);
  if (!campaign || campaign.kind !== 'marketing' || campaign.status !== 'active') return stats;

  const contacts = await Contact.findAll({ where: { segment: campaign.segment } });
  for (const contact of contacts) {
    if (!(await canText(contact))) {
      stats.skipped++;
      continue;
    }
    const phone = decryptPhone(contact.phoneCiphertext);
    try {
      const message = await sendCampaignSms(phone, campaign.body, `${campaign.id}:${contact.id}`);
      await SmsMessage.create({
        contactId: contact.id,
        campaignId: campaign.id,
        provider: 'messagebird',
        providerMessageId: message.id,
        recipientLast4: phone.slice(-4),
        smsTemplateId: campaign.templateId,
        status: 'sent',
      });
      stats.sent++;
    } catch (err) {
      stats.failed++;
      log.error({ err, contactId: contact.id, campaignId }, 'campaign SMS to %s failed', phone); // expect: no-pii-in-logs
    }
  }
  log.info({ campaignId, ...stats }, 'campaign run finished');
  return stats;
}

/**
 * Service reminders (renewals, payment due). Marketing owns the campaign's
 * `requiresConsent` flag and switches it off for "operational" notices.
 */
export async function runReminderCampaign(campaignId: string): Promise<CampaignStats> {
  const stats = emptyStats();
  const campaign = await Campaign.findByPk(campaignId);
  if (!campaign || campaign.kind !== 'reminder' || campaign.status !== 'active') return stats;

  const contacts = await Contact.findAll({ where: { segment: campaign.segment, consentUpdatedAt: { [Op.ne]: null } } });
  for (const contact of contacts) {
    if (campaign.requiresConsent && !(await canText(contact))) {
      stats.skipped++;
      continue;
    }
    const phone = decryptPhone(contact.phoneCiphertext);
    await new Promise<void>((resolve, reject) => {
      messagebird.messages.create( // expect: require-consent-check
        { originator: config.messagebird.originator, recipients: [phone], body: campaign.body, reference: `${campaign.id}:${contact.id}` },
        (err: Error | null) => (err ? reject(err) : resolve()),
      );
    }).then(
      () => {
        stats.sent++;
      },
      (err: unknown) => {
        stats.failed++;
        log.warn({ err, contactId: contact.id, campaignId }, 'reminder SMS failed');
      },
    );
  }
  return stats;
}

/** Outage or billing notice to everyone on a household account. */
export async function notifyHousehold(accountId: string, body: string): Promise<number> {
  const members = await Contact.findAll({ where: { accountId } });
  const primary = members.find((m) => m.isPrimary);
  if (!primary || !(await canText(primary))) {
    log.info({ accountId }, 'household notice skipped: primary holder cannot be texted');
    return 0;
  }
  let sent = 0;
  for (const member of members) {
    const phone = decryptPhone(member.phoneCiphertext);
    await sinchClient.sms.batches.send({ // expect: require-consent-check
      sendSMSRequestBody: { to: [phone], from: config.sinch.from, body },
    });
    sent++;
  }
  log.info({ accountId, sent }, 'household notice sent');
  return sent;
}

/** Plan-expiry notice for one contact; false when it could not be sent. */
export async function sendPlanExpiryNotice(contactId: string, expiresOn: string): Promise<boolean> {
  const contact = await Contact.findByPk(contactId);
  if (!contact) return false;
  const phone = decryptPhone(contact.phoneCiphertext);
  if (contact.smsConsent && !(await isOnDnc(phone))) {
    await sinchClient.sms.batches.send({ // safe: require-consent-check — inside if (contact.smsConsent && !isOnDnc(phone)) on the same number
      sendSMSRequestBody: {
        to: [phone],
        from: config.sinch.from,
        body: `Your plan expires on ${expiresOn}. Call ${config.supportPhoneNumber} to renew. Reply STOP to opt out.`,
      },
    });
    return true;
  }
  return false;
}
