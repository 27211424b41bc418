#!/usr/bin/env node
'use strict';

/**
 * Seeds a local database with customers and stored cards so the agent
 * desktop has something to show. Run with `npm run seed`.
 *
 * Most rows were copied from the staging export in 2022 to get realistic
 * formats for each market.
 */
const db = require('../src/lib/db');
const { hmacPhone } = require('../src/lib/hash');

const customers = [
  {
    ref: 'CUST-0001',
    market: 'CN',
    phone: '+8613928221230', // expect: no-hardcoded-pii
    idNumber: '110105196901262623', // expect: no-hardcoded-pii
  },
  {
    ref: 'CUST-0002',
    market: 'CN',
    phone: '18601469593', // expect: no-hardcoded-pii
    idNumber: '310104199401055689', // safe: no-hardcoded-pii — wrong ISO 7064 check digit (valid would end in 1)
  },
  {
    ref: 'CUST-0003',
    market: 'RU',
    phone: '+79030869294', // expect: no-hardcoded-pii
    snils: '221-159-757 45', // expect: no-hardcoded-pii
    inn: '773546117270', // expect: no-hardcoded-pii
  },
  {
    ref: 'CUST-0004',
    market: 'RU',
    phone: '+7 926 250-72-99', // expect: no-hardcoded-pii
    snils: '290-302-919 60', // safe: no-hardcoded-pii — SNILS checksum fails (should be 53)
    inn: '504453809124', // safe: no-hardcoded-pii — INN check digits fail
  },
  {
    ref: 'CUST-0005',
    market: 'US',
    phone: '+1 (202) 555-0164', // safe: no-hardcoded-pii — NANP 555-0164 fictional range
    ssn: '407-65-7318', // expect: no-hardcoded-pii
  },
  {
    ref: 'CUST-0006',
    market: 'US',
    phone: '+16129686816', // expect: no-hardcoded-pii
    ssn: '666-21-4830', // safe: no-hardcoded-pii — area 666 is never issued
  },
  {
    ref: 'CUST-0007',
    market: 'US',
    phone: '+15005550006', // safe: no-hardcoded-pii — Twilio magic test number
    ssn: '251-00-3734', // safe: no-hardcoded-pii — group 00 is never issued
  },
  {
    ref: 'CUST-0008',
    market: 'GB',
    phone: '+447956784849', // expect: no-hardcoded-pii
    nino: 'LH281495A', // expect: no-hardcoded-pii
  },
  {
    ref: 'CUST-0009',
    market: 'GB',
    phone: '+44 7700 900877', // safe: no-hardcoded-pii — Ofcom drama range
    nino: 'QQ123456C', // safe: no-hardcoded-pii — HMRC specimen NINO; the QQ prefix is never issued
  },
];

const storedCards = [
  { ref: 'CUST-0001', brand: 'visa', pan: '4830300477061651', expiry: '09/27' }, // expect: no-hardcoded-pii
  { ref: 'CUST-0003', brand: 'mastercard', pan: '5109 7430 7972 6760', expiry: '03/26' }, // expect: no-hardcoded-pii
  { ref: 'CUST-0005', brand: 'amex', pan: '370956977838189', expiry: '11/28' }, // expect: no-hardcoded-pii
  { ref: 'CUST-0006', brand: 'visa', pan: '4242424242424242', expiry: '12/34' }, // safe: no-hardcoded-pii — Stripe test card
  { ref: 'CUST-0007', brand: 'mastercard', pan: '5555 5555 5555 4444', expiry: '12/34' }, // safe: no-hardcoded-pii — Stripe Mastercard test card
  { ref: 'CUST-0008', brand: 'visa', pan: '4111111111111111', expiry: '10/30' }, // safe: no-hardcoded-pii — well-known PSP test Visa
  { ref: 'CUST-0009', brand: 'visa', pan: '4830300477061655', expiry: '01/29' }, // safe: no-hardcoded-pii — fails the Luhn check
  { ref: 'CUST-0002', brand: 'amex', pan: '378282246310005', expiry: '06/31' }, // safe: no-hardcoded-pii — Stripe/Adyen Amex test card
];

const orders = [
  { ref: 'CUST-0001', orderId: '20240611000187', placedAt: 1718064000 }, // safe: no-hardcoded-pii — date-prefixed order id and a Unix timestamp
  { ref: 'CUST-0005', orderId: 'ORD-7741-2290', placedAt: 1718150400 }, // safe: no-hardcoded-pii — order id
];

async function main() {
  await db.query('TRUNCATE customers, stored_cards, orders RESTART IDENTITY CASCADE');
  for (const c of customers) {
    await db.query(
      'INSERT INTO customers (ref, market, phone_hmac, phone_enc, national_id_enc) VALUES ($1, $2, $3, pgp_sym_encrypt($4, current_setting(\'app.pii_key\')), pgp_sym_encrypt($5, current_setting(\'app.pii_key\')))',
      [c.ref, c.market, hmacPhone(c.phone), c.phone, c.idNumber || c.snils || c.ssn || c.nino || null],
    );
  }
  for (const card of storedCards) {
    await db.query(
      'INSERT INTO stored_cards (customer_ref, brand, pan_enc, last4, expiry) VALUES ($1, $2, pgp_sym_encrypt($3, current_setting(\'app.pii_key\')), $4, $5)',
      [card.ref, card.brand, card.pan.replace(/\s/g, ''), card.pan.slice(-4), card.expiry],
    );
  }
  for (const o of orders) {
    await db.query('INSERT INTO orders (customer_ref, order_id, placed_at) VALUES ($1, $2, to_timestamp($3))', [o.ref, o.orderId, o.placedAt]);
  }
  console.log(`seeded ${customers.length} customers, ${storedCards.length} cards, ${orders.length} orders`);
  await db.end();
}

main().catch((err) => {
  console.error('seed failed:', err.message);
  process.exit(1);
});
