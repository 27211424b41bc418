// `leads import` CLI: reads a CSV of leads for a campaign and reports problems with consola.
import { readFile } from 'node:fs/promises';
import { consola, createConsola } from 'consola';
import { parse } from 'csv-parse/sync';
import { maskPhone, obfuscateNationalId } from '@acme/pii';

interface LeadRow {
  external_id: string;
  first_name: string;
  phone_number: string;
  national_id: string;
  opt_in: 'yes' | 'no';
}

const importLog = consola.withTag('leads:import');
const reporter = createConsola({ level: 4 });

const E164 = /^\+[1-9]\d{6,14}$/;

export async function importLeads(path: string, campaignId: string): Promise<LeadRow[]> {
  const rows: LeadRow[] = parse(await readFile(path, 'utf8'), { columns: true, skip_empty_lines: true });
  consola.start(`importing ${rows.length} rows into campaign ${campaignId}`); // safe: count and campaign id

  const accepted: LeadRow[] = [];
  for (const [index, row] of rows.entries()) {
    if (!E164.test(row.phone_number)) {
      importLog.warn(`row ${index}: invalid phone ${row.phone_number}`); // $ Alert[no-pii-in-logs]
      importLog.warn(`row ${index}: invalid phone ${maskPhone(row.phone_number)}`); // safe: masked
      importLog.warn(`row ${index}: invalid phone (${row.phone_number.length} characters)`); // safe: a length
      continue;
    }
    if (row.national_id && row.national_id.length !== 11) {
      importLog.warn('row', index, 'national id looks wrong:', row.national_id); // $ Alert[no-pii-in-logs]
      importLog.warn('row', index, 'national id looks wrong:', obfuscateNationalId(row.national_id)); // safe: obfuscated
      continue;
    }
    if (row.opt_in !== 'yes') {
      reporter.info('skipping row without opt-in', row); // $ Alert[no-pii-in-logs]
      reporter.info('skipping row without opt-in', { row: index, externalId: row.external_id }); // safe: identifiers
      continue;
    }
    accepted.push(row);
  }

  consola.success(`accepted ${accepted.length}/${rows.length}`); // safe: counts
  consola.box(`Campaign ${campaignId}\nAccepted: ${accepted.length}\nRejected: ${rows.length - accepted.length}`); // safe: counts
  consola.debug('first accepted lead', accepted[0]); // $ Alert[no-pii-in-logs]
  consola.debug('first accepted lead id', accepted[0]?.external_id); // safe: identifier
  return accepted;
}
