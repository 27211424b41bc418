import type { ConnectContactFlowEvent, ConnectContactFlowResult } from 'aws-lambda';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/aws';
import { config } from '../config';
import { logger, setLogContext } from '../lib/logger';
import { maskPhone } from '../lib/mask';
import { phoneLookupKey } from '../lib/crypto';
import { fetchOpenCases } from '../lib/crmClient';
import type { CustomerRecord } from '../types';

/**
 * Invoked from the "Main inbound" contact flow right after the greeting.
 * Returns flat string attributes that the flow uses for routing.
 */
export const handler = async (event: ConnectContactFlowEvent): Promise<ConnectContactFlowResult> => {
  const { ContactId: contactId, Channel: channel, CustomerEndpoint: endpoint, Attributes: attributes } = event.Details.ContactData;
  setLogContext({ contactId, fn: 'inboundContact' });

  const callerNumber = endpoint?.Address ?? '';
  logger.info('Inbound contact', { channel, caller: maskPhone(callerNumber), language: attributes?.language }); // safe: no-pii-in-logs — caller number masked with maskPhone

  if (endpoint?.Type !== 'TELEPHONE_NUMBER' || !callerNumber) {
    logger.info('No telephone endpoint on contact', { endpointType: endpoint?.Type ?? 'none' });
    return { customerFound: 'false', route: 'general' };
  }

  let customer: CustomerRecord | undefined;
  try {
    customer = await findCustomerByPhone(callerNumber);
  } catch (err) {
    throw new Error(`Customer lookup failed for caller ${callerNumber}: ${(err as Error).message}`); // expect: no-pii-in-logs
  }

  if (!customer) {
    logger.info('Caller not matched to a customer', { callerNumber, flow: attributes?.flowName }); // expect: no-pii-in-logs
    await rememberUnknownCaller(contactId, callerNumber);
    return { customerFound: 'false', route: 'new-customer' };
  }

  logger.debug('Customer matched', { customer }); // safe: no-pii-in-logs — CustomerRecord holds only the ciphertext (phoneEnc) and the keyed hash (phoneHmac)

  const openCases = await fetchOpenCases(customer.customerId);
  await touchCustomer(customer.customerId, contactId);

  return {
    customerFound: 'true',
    customerId: customer.customerId,
    tier: customer.tier,
    phoneVerified: String(customer.phoneVerified),
    openCaseCount: String(openCases.length),
    route: routeFor(customer, openCases.length),
    language: customer.preferredLanguage,
  };
};

async function findCustomerByPhone(phone: string): Promise<CustomerRecord | undefined> {
  const phoneHmac = await phoneLookupKey(phone);
  const out = await ddb.send(
    new QueryCommand({
      TableName: config.tables.customers,
      IndexName: 'byPhoneHmac',
      KeyConditionExpression: 'phoneHmac = :h',
      ExpressionAttributeValues: { ':h': phoneHmac },
      Limit: 1,
    }),
  );
  return out.Items?.[0] as CustomerRecord | undefined;
}

/** Unknown callers are kept for 90 days so that the sales team can follow up. */
async function rememberUnknownCaller(contactId: string, callerNumber: string): Promise<void> {
  const now = new Date();
  await ddb.send(
    new PutCommand({
      TableName: config.tables.contactLog,
      Item: {
        contactId,
        kind: 'unknown-caller',
        callerNumber, // expect: no-plaintext-pii-storage
        receivedAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + 90 * 24 * 3600,
      },
    }),
  );
}

async function touchCustomer(customerId: string, contactId: string): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: config.tables.customers,
      Key: { customerId },
      UpdateExpression: 'SET lastContactId = :c, lastContactAt = :t',
      ExpressionAttributeValues: { ':c': contactId, ':t': new Date().toISOString() },
    }),
  );
}

function routeFor(customer: CustomerRecord, openCaseCount: number): string {
  if (customer.accountStatus === 'past_due') return 'collections';
  if (customer.tier === 'platinum') return 'priority';
  return openCaseCount > 0 ? 'case-follow-up' : 'general';
}
