// Call state in Redis and leads in Postgres through Prisma.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { encrypt } from '@acme/crypto';
import type { Lead } from '../types.js';

const redis = new Redis(process.env.REDIS_URL ?? 'rediss://cache.acme-contact.com:6380');
const prisma = new PrismaClient();

export async function rememberCaller(callSid: string, caller: string): Promise<void> {
  await redis.set(`call:${callSid}:caller`, caller, 'EX', 3600); // $ Alert[no-plaintext-pii-storage]
}

export async function saveLead(lead: Lead): Promise<void> {
  await prisma.lead.create({
    data: {
      id: lead.id,
      campaignId: lead.campaignId,
      firstName: lead.firstName,
      phone: lead.phone, // $ Alert[no-plaintext-pii-storage]
    },
  });
}

export async function saveLeadEncrypted(lead: Lead): Promise<void> {
  await prisma.lead.create({ data: { id: lead.id, phone: encrypt(lead.phone) } }); // safe: encrypted
}
