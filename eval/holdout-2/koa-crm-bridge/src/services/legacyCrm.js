'use strict';

const config = require('../config');
const log = require('../lib/logger').child({ component: 'legacy-crm' });

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/'; // safe: no-plaintext-transport — XML namespace name, never fetched
const CRM_NS = 'urn:example:crm:contact:v1';

function escapeXml(value) {
  return String(value ?? '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);
}

function buildUpsertEnvelope(contact, phone) {
  return [
    `<soap:Envelope xmlns:soap="${SOAP_NS}" xmlns:c="${CRM_NS}">`,
    '<soap:Body><c:UpsertContact>',
    `<c:ExternalRef>${escapeXml(contact.externalRef)}</c:ExternalRef>`,
    `<c:AccountId>${escapeXml(contact.accountId)}</c:AccountId>`,
    `<c:Phone>${escapeXml(phone)}</c:Phone>`,
    `<c:Segment>${escapeXml(contact.segment)}</c:Segment>`,
    '</c:UpsertContact></soap:Body></soap:Envelope>',
  ].join('');
}

/**
 * Mirror a contact into the old CRM, which agents still use for billing
 * questions. Best effort: a failure is logged, never thrown.
 */
async function pushContact(contact, phone) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.legacyCrm.timeoutMs);
  try {
    const res = await fetch(config.legacyCrm.soapUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: 'UpsertContact' },
      body: buildUpsertEnvelope(contact, phone),
      signal: controller.signal,
    });
    if (!res.ok) {
      log.warn({ status: res.status, contactId: contact.id }, 'legacy CRM rejected contact');
      return false;
    }
    return true;
  } catch (err) {
    log.warn({ errName: err.name, contactId: contact.id }, 'legacy CRM unreachable');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

module.exports = { pushContact };
