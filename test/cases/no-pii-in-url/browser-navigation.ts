// Agent softphone (browser): navigate to the customer record when a call is accepted.
import { Device } from '@twilio/voice-sdk';
import type { Call } from '@twilio/voice-sdk';

type E164 = string & { readonly __brand: 'E164' };

interface Customer {
  id: string;
  phone: E164;
  email: string;
}

declare function findCustomer(phone: E164): Promise<Customer | undefined>;
declare function tokenizeForLink(phone: E164): Promise<string>;

export function wire(device: Device): void {
  device.on('incoming', async (call: Call) => {
    const callerNumber = call.parameters.From as E164;
    const callSid = call.parameters.CallSid ?? '';
    call.accept();

    const customer = await findCustomer(callerNumber);
    if (!customer) {
      window.location.href = `/customers/new?phone=${callerNumber}`; // $ Alert[no-pii-in-url]
      return;
    }
    if (customer.id.startsWith('legacy_')) {
      location.assign(`/legacy/customers/${customer.phone}`); // $ Alert[no-pii-in-url]
      return;
    }
    window.location.href = `/customers/${customer.id}?call=${callSid}`; // safe: ids only
  });
}

export function openHistory(customer: Customer): void {
  location.href = '/history?email=' + customer.email; // $ Alert[no-pii-in-url]
}

export function openHistoryById(customer: Customer): void {
  location.href = `/history?customer=${customer.id}`; // safe: an id
}

export async function shareLink(customer: Customer): Promise<void> {
  location.assign(`/share?t=${await tokenizeForLink(customer.phone)}`); // safe: tokenized
}

export function backToQueue(queueName: string): void {
  window.location.assign(`/queues/${encodeURIComponent(queueName)}`); // safe: a queue name
}

export function reloadWithFilter(phoneCountryCode: string): void {
  window.location.href = `/customers?cc=${phoneCountryCode}`; // safe: a country code is not PII
}
