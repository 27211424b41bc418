import { createHmac } from 'crypto';
import { Op } from 'sequelize';
import config from '../config';
import log from '../lib/logger';
import { Contact } from '../db/models';
import { decryptPhone } from '../lib/crypto';
import { sendWinBackOffer } from '../services/sinch';

const LAPSED_AFTER_DAYS = 90;
const BATCH_LIMIT = 500;

/** Short, stable offer code per contact so that a re-run sends the same code. */
function offerCodeFor(contactId: string): string {
  return createHmac('sha256', config.crypto.hmacKeyHex).update(`winback:${contactId}`).digest('hex').slice(0, 8).toUpperCase();
}

/** Weekly: text lapsed customers a discount code. */
export async function runWinBack(): Promise<number> {
  const since = new Date(Date.now() - LAPSED_AFTER_DAYS * 86_400_000);
  const lapsed = await Contact.findAll({
    where: { segment: 'lapsed', updatedAt: { [Op.lt]: since } },
    order: [['updatedAt', 'ASC']],
    limit: BATCH_LIMIT,
  });
  log.info({ count: lapsed.length }, 'win-back run starting');

  let sent = 0;
  for (const contact of lapsed) {
    const batchId = await sendWinBackOffer(decryptPhone(contact.phoneCiphertext), offerCodeFor(contact.id));
    log.debug({ contactId: contact.id, batchId, phoneVerified: contact.phoneVerified }, 'win-back offer sent'); // safe: no-pii-in-logs — ids and a boolean flag
    sent++;
  }
  return sent;
}
