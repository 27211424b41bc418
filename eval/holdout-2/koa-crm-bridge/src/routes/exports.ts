import { promises as fs } from 'fs';
import path from 'path';
import Router from '@koa/router';
import { stringify } from 'csv-stringify/sync';
import { QueryTypes } from 'sequelize';
import config from '../config';
import log from '../lib/logger';
import { maskPhone } from '../lib/mask';
import { decryptPhone } from '../lib/crypto';
import { reporting } from '../db/sequelize';

export const exportsRouter = new Router({ prefix: '/api/exports' });

interface CampaignRow {
  contact_id: string;
  phone_ciphertext: string;
  disposition: string | null;
  attempts: number;
  last_call_at: string | null;
}

const CAMPAIGN_SQL = `
  SELECT c.id AS contact_id, c.phone_ciphertext, l.disposition, COALESCE(l.number_of_attempts, 0) AS attempts, l.created_at AS last_call_at
  FROM contacts c
  JOIN campaign_members m ON m.contact_id = c.id
  LEFT JOIN LATERAL (
    SELECT disposition, number_of_attempts, created_at FROM call_logs WHERE contact_id = c.id ORDER BY created_at DESC LIMIT 1
  ) l ON TRUE
  WHERE m.campaign_id = :campaignId`;

exportsRouter.post('/campaigns/:id', async (ctx) => {
  if (ctx.session?.role !== 'supervisor') ctx.throw(403, 'supervisors only');
  const campaignId = ctx.params.id;
  const format = ctx.query.format === 'dialer' ? 'dialer' : 'review';

  const rows = await reporting.query<CampaignRow>(CAMPAIGN_SQL, { replacements: { campaignId }, type: QueryTypes.SELECT });
  await fs.mkdir(config.exportsDir, { recursive: true });
  const file = path.join(config.exportsDir, `campaign-${campaignId}-${format}-${Date.now()}.csv`);

  if (format === 'dialer') {
    // Re-import file for the legacy predictive dialer, which needs full numbers.
    const csv = stringify(
      rows.map((r) => ({ contact_id: r.contact_id, phone: decryptPhone(r.phone_ciphertext), attempts: r.attempts })),
      { header: true },
    );
    await fs.writeFile(file, csv, { mode: 0o600 }); // expect: no-plaintext-pii-storage
  } else {
    const csv = stringify(
      rows.map((r) => ({
        contact_id: r.contact_id,
        phone: maskPhone(decryptPhone(r.phone_ciphertext)),
        disposition: r.disposition ?? '',
        attempts: r.attempts,
        last_call_at: r.last_call_at ?? '',
      })),
      { header: true },
    );
    await fs.writeFile(file, csv, { mode: 0o600 }); // safe: no-plaintext-pii-storage — phone column masked with maskPhone
  }

  log.info({ campaignId, format, rows: rows.length, file: path.basename(file) }, 'campaign export written');
  ctx.body = { file: path.basename(file), rows: rows.length };
});
