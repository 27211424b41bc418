// One-off export of leads to CSV (plain JavaScript, linted without type information).
import { writeFile } from 'node:fs/promises';

export async function exportLeads(leads) {
  const rows = leads.map((lead) => `${lead.id},${lead.firstName},${lead.phone}`);
  await writeFile('leads.csv', rows.join('\n')); // $ Alert[no-plaintext-pii-storage]
  console.log(`exported ${leads.length} leads`); // safe: a count
  for (const lead of leads) console.log('exported', lead.phone); // $ Alert[no-pii-in-logs]
}
