import cron from 'node-cron';
import log from '../lib/logger';
import { connectDatabases } from '../db/sequelize';
import { connectRedis } from '../lib/redis';
import { Campaign } from '../db/models';
import { runReminderCampaign, runSmsCampaign } from './campaigns';
import { runWinBack } from './winBack';
import { startDispositionConsumer } from './dispositions';

async function runActiveCampaigns(): Promise<void> {
  const active = await Campaign.findAll({ where: { status: 'active' } });
  for (const campaign of active) {
    const stats = campaign.kind === 'marketing' ? await runSmsCampaign(campaign.id) : await runReminderCampaign(campaign.id);
    log.info({ campaignId: campaign.id, kind: campaign.kind, ...stats }, 'campaign tick');
  }
}

async function main(): Promise<void> {
  await connectDatabases();
  await connectRedis();
  await startDispositionConsumer();

  // Campaign SMS only between 10:00 and 19:00 Eastern, every 30 minutes.
  cron.schedule('*/30 10-18 * * *', () => void runActiveCampaigns().catch((err) => log.error({ err }, 'campaign tick failed')), {
    timezone: 'America/New_York',
  });
  cron.schedule('0 11 * * 2', () => void runWinBack().catch((err) => log.error({ err }, 'win-back failed')), {
    timezone: 'America/New_York',
  });
  log.info('scheduler started');
}

main().catch((err) => {
  log.fatal({ err }, 'scheduler failed to start');
  process.exit(1);
});
