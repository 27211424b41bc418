// Lookups from the agent desk's back end. Query parameters given as request options (axios `params`, got and
// ky `searchParams`) end up in the URL as much as a hand-written `?phone=`; JSON and form bodies do not.
import axios, { type AxiosInstance } from 'axios';
import got from 'got';
import ky from 'ky';

interface Caller {
  id: string;
  phone: string;
  email: string;
  ssn: string;
}

const directory = got.extend({ prefixUrl: 'https://directory.acme-contact.com/v2', responseType: 'json' });
const billingHttp = axios.create({ baseURL: 'https://billing.acme-contact.com' });

export async function findByEmail(caller: Caller): Promise<unknown> {
  const { data } = await axios.get('https://crm.acme-contact.com/contacts', { params: { email: caller.email, limit: 1 } }); // $ Alert[no-pii-in-url]
  return data;
}

export async function findById(caller: Caller): Promise<unknown> {
  const { data } = await axios.get('https://crm.acme-contact.com/contacts', { params: { id: caller.id, limit: 1 } }); // safe: an id
  return data;
}

export async function rpcLookup(caller: Caller): Promise<unknown> {
  const { data } = await axios.post('https://crm.acme-contact.com/rpc', { jsonrpc: '2.0', method: 'contacts.find', params: { phone: caller.phone } }); // safe: JSON-RPC params in the POST body
  return data;
}

export async function tagCall(caller: Caller, campaign: string): Promise<void> {
  await axios.post('https://crm.acme-contact.com/calls', { phone: caller.phone }, { params: { campaign } }); // safe: the number is in the body, the query holds a campaign
  await axios.post('https://crm.acme-contact.com/calls', { callerId: caller.id }, { params: { phone: caller.phone } }); // $ Alert[no-pii-in-url]
}

export async function creditCheck(caller: Caller): Promise<unknown> {
  const byQuery = await got('https://risk.acme-contact.com/v1/score', { searchParams: { ssn: caller.ssn } }).json(); // $ Alert[no-pii-in-url]
  const byBody = await got.post('https://risk.acme-contact.com/v1/score', { json: { ssn: caller.ssn } }).json(); // safe: in the JSON body
  return [byQuery, byBody];
}

export async function directoryEntry(caller: Caller): Promise<unknown> {
  const byPhone = await directory.get(`entries/by-phone/${caller.phone}`).json(); // $ Alert[no-pii-in-url]
  const byId = await directory.get(`entries/${caller.id}`).json(); // safe: an id in the path
  const search = await directory.get('entries', { searchParams: { owner: caller.id } }).json(); // safe: an id in the query
  return [byPhone, byId, search];
}

export async function invoices(caller: Caller): Promise<unknown> {
  const { data } = await billingHttp.get('/invoices', { params: { email: caller.email } }); // $ Alert[no-pii-in-url]
  return data;
}

export async function presence(caller: Caller): Promise<unknown> {
  return ky.get('https://presence.acme-contact.com/v1/agents', { searchParams: { caller: caller.phone } }).json(); // $ Alert[no-pii-in-url]
}

/** A client kept in a field declared by its type and created in the constructor. */
export class RefundsClient {
  private readonly refunds: AxiosInstance;

  constructor(baseURL: string) {
    this.refunds = axios.create({ baseURL, timeout: 3000 });
  }

  async byEmail(caller: Caller): Promise<unknown> {
    return (await this.refunds.get('/refunds', { params: { email: caller.email } })).data; // $ Alert[no-pii-in-url]
  }

  async byCustomer(caller: Caller): Promise<unknown> {
    return (await this.refunds.get(`/refunds?customer=${caller.id}`)).data; // safe: an id in the query
  }

  async open(caller: Caller, reason: string): Promise<unknown> {
    return (await this.refunds.put('/refunds', { email: caller.email, reason })).data; // safe: in the PUT body
  }
}
