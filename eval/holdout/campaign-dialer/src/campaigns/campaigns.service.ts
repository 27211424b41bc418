import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { DialJobData } from './dialer.processor';

export interface CampaignStats {
  campaignId: string;
  attempts: number;
  answered: number;
  machine: number;
  noAnswer: number;
  avgTalkSec: number;
}

@Injectable()
export class CampaignsService {
  private readonly logger = new Logger(CampaignsService.name);

  constructor(
    @InjectQueue('dial') private readonly dialQueue: Queue<DialJobData>,
    @InjectDataSource('reporting') private readonly reporting: DataSource,
  ) {}

  async launch(campaignId: string, contactIds: string[]): Promise<{ queued: number }> {
    const unique = [...new Set(contactIds)];
    const jobs = unique.map((contactId, i) => ({
      name: 'dial',
      data: { contactId, campaignId, attemptNo: 1 },
      // spread the first wave so we don't hit the CPS limit all at once
      opts: { jobId: `${campaignId}:${contactId}`, delay: Math.floor(i / 30) * 1_000 },
    }));
    await this.dialQueue.addBulk(jobs);
    this.logger.log(`campaign ${campaignId}: queued ${jobs.length} contacts`); // safe: no-pii-in-logs — id and count
    return { queued: jobs.length };
  }

  async pause(): Promise<void> {
    await this.dialQueue.pause();
    this.logger.warn('dial queue paused by supervisor');
  }

  async resume(): Promise<void> {
    await this.dialQueue.resume();
  }

  async stats(campaignId: string): Promise<CampaignStats> {
    const [row] = await this.reporting.query(
      `select count(*)::int                                              as attempts,
              count(*) filter (where answered_by = 'human')::int          as answered,
              count(*) filter (where answered_by like 'machine%')::int    as machine,
              count(*) filter (where status = 'no-answer')::int           as "noAnswer",
              coalesce(avg(duration_sec) filter (where answered_by = 'human'), 0)::int as "avgTalkSec"
         from call_attempts
        where campaign_id = $1`,
      [campaignId],
    );
    return { campaignId, ...row };
  }
}
