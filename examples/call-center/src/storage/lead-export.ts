import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LeadEntity } from './entities.js';
import { leadRepo, reportingPool } from './repositories.js';

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Weekend campaigns are run by a partner agency; they receive the consented leads as CSV. */
export async function exportLeadsForAgency(campaignId: string, outPath: string): Promise<number> {
  const rows = await leadRepo.find({ where: { campaignId, consent: true, doNotCall: false } });
  const lines = rows.map((lead) => [lead.id, csvField(lead.firstName), lead.phone, lead.status].join(','));
  const csv = ['lead_id,first_name,phone,status', ...lines].join('\n');
  await writeFile(outPath, csv, 'utf8'); // $ Alert[no-plaintext-pii-storage]
  return rows.length;
}

/**
 * Carriers scrub outbound lists against their own do-not-call data before a campaign
 * starts; their SFTP intake accepts one E.164 number per line.
 */
export async function writeCarrierScrubFile(leads: LeadEntity[], dir: string): Promise<string> {
  const filePath = join(dir, `scrub-${Date.now()}.txt`);
  const body = leads.map((lead) => lead.phone).join('\n');
  // piiguard-ignore-next-line no-plaintext-pii-storage -- the carrier needs raw E.164; dir is an encrypted tmpfs wiped right after the SFTP upload (until 2027-06-30)
  await writeFile(filePath, body, { mode: 0o600 });
  return filePath;
}

interface CampaignStatsRow {
  campaign_id: string;
  dialled: number;
  connected: number;
  opted_out: number;
}

/** Daily numbers for the operations dashboard: counts only. */
export async function exportCampaignStats(outPath: string): Promise<void> {
  const { rows } = await reportingPool.query<CampaignStatsRow>(
    `SELECT l.campaign_id,
            count(*) FILTER (WHERE l.attempts > 0)          AS dialled,
            count(*) FILTER (WHERE l.status = 'connected')  AS connected,
            count(*) FILTER (WHERE l.do_not_call)           AS opted_out
       FROM leads l
      GROUP BY l.campaign_id`,
  );
  const out = createWriteStream(outPath);
  out.write('campaign_id,dialled,connected,opted_out\n');
  for (const row of rows) out.write(`${row.campaign_id},${row.dialled},${row.connected},${row.opted_out}\n`);
  out.end();
}
