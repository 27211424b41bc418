// Local seed for the outbound dialer: a few leads and DNC entries so the campaign screens have data.
// Someone first pasted rows from a production export "for realistic data"; the fictional set is what belongs here.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface SeedLead {
  externalRef: string;
  displayName: string;
  phone: string;
  timezone: string;
}

const copiedFromExport: SeedLead[] = [
  { externalRef: 'HS-20931', displayName: 'Dana K.', phone: '+13125558841', timezone: 'America/Chicago' }, // $ Alert[no-hardcoded-pii]
  { externalRef: 'HS-20932', displayName: 'Marcus O.', phone: '+1 646 829 4417', timezone: 'America/New_York' }, // $ Alert[no-hardcoded-pii]
  { externalRef: 'HS-20933', displayName: 'Priya S.', phone: '98452 16730', timezone: 'Asia/Kolkata' }, // $ Alert[no-hardcoded-pii]
];

const fictional: SeedLead[] = [
  { externalRef: 'DEV-1', displayName: 'Lead One', phone: '+12025550143', timezone: 'America/New_York' }, // safe: NANP 555-01xx is reserved for fiction
  { externalRef: 'DEV-2', displayName: 'Lead Two', phone: '(312) 555-0178', timezone: 'America/Chicago' }, // safe: fiction range in national format
  { externalRef: 'DEV-3', displayName: 'Lead Three', phone: '+44 20 7946 0958', timezone: 'Europe/London' }, // safe: Ofcom drama range
  { externalRef: 'DEV-4', displayName: 'Lead Four', phone: '+61 491 570 156', timezone: 'Australia/Sydney' }, // safe: ACMA fiction range
];

// Twilio's magic numbers: the test credentials accept exactly these.
export const TWILIO_TEST_NUMBERS = {
  validFrom: '+15005550006', // safe: Twilio magic test number
  invalidTo: '+15005550001', // safe: Twilio magic test number
  blockedTo: '+15005550004', // safe: Twilio magic test number
};

const SEED_TIMESTAMP = '1718445600'; // safe: a Unix timestamp, not a phone number
const SEED_BATCH = 'seed-2024-06-15'; // safe: a date in a label

export async function seed(useExport: boolean): Promise<void> {
  const leads = useExport ? copiedFromExport : fictional;
  await prisma.lead.createMany({
    data: leads.map((lead) => ({ ...lead, campaignId: 'cmp_dev', batch: SEED_BATCH, createdAt: new Date(Number(SEED_TIMESTAMP) * 1000) })),
  });
  await prisma.agent.create({ data: { displayName: 'Dev Agent', extension: '2041', sipUser: 'agent2041' } }); // safe: an extension
  await prisma.$executeRaw`INSERT INTO dnc_list (phone, source) VALUES ('+7 903 718-26-45', 'complaint')`; // $ Alert[no-hardcoded-pii]
  await prisma.$executeRaw`INSERT INTO dnc_list (phone, source) VALUES ('+1 202 555 0199', 'seed')`; // safe: fiction range
  await prisma.$executeRaw`UPDATE campaigns SET max_attempts = 3, retry_after_sec = 3600 WHERE id = 'cmp_dev'`; // safe: small numbers
}

seed(process.argv.includes('--from-export'))
  .catch((err: unknown) => {
    console.error('seed failed', err);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
