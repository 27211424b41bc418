// IVR payments: Twilio <Pay> for card capture, plus smoke checks against the gateway's sandbox.
import Stripe from 'stripe';
import twilio from 'twilio';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const { VoiceResponse } = twilio.twiml;

// Published test cards: they never charge anyone.
export const SANDBOX_CARDS = {
  visa: '4242424242424242', // safe: Stripe test card
  visaDebit: '4000056655665556', // safe: Stripe test card
  mastercard: '5555555555554444', // safe: Stripe test card
  amex: '378282246310005', // safe: Stripe test card
  discover: '6011111111111117', // safe: Stripe test card
  braintreeVisa: '4111 1111 1111 1111', // safe: Braintree test card, grouped
};

// Pasted from a ticket while chasing a decline, and never removed.
const DECLINED_CARD = '4716 2839 1045 5574'; // $ Alert[no-hardcoded-pii]
const retryQueue = ['5312-6749-8830-1127', '378291736452011']; // $ Alert[no-hardcoded-pii]
const unionPayRepro = { pan: '6228480739126651', expiry: '11/27' }; // $ Alert[no-hardcoded-pii]

const typoedCard = '4716 2839 1045 5575'; // safe: fails the Luhn check
const receiptSuffix = '•••• •••• •••• 4242'; // safe: masked form
const lastFour = '5574'; // safe: four digits identify no one

export function payByPhone(amount: string, callbackPath: string): string {
  const vr = new VoiceResponse();
  vr.say('Please enter your card number followed by the pound key.');
  vr.pay({
    paymentConnector: 'stripe_prod',
    chargeAmount: amount,
    currency: 'usd',
    action: callbackPath,
    timeout: 10, // safe: seconds
    maxAttempts: 3,
  });
  return vr.toString();
}

export async function smokeTest(): Promise<void> {
  const pm = await stripe.paymentMethods.create({
    type: 'card',
    card: { number: SANDBOX_CARDS.visa, exp_month: 12, exp_year: 2030, cvc: '314' }, // safe: test card, short CVC
  });
  await stripe.paymentIntents.create({ amount: 1999, currency: 'usd', payment_method: pm.id, confirm: true });
  await stripe.paymentIntents.create({ amount: 1999, currency: 'usd', payment_method: 'pm_card_visa', confirm: true }); // safe: Stripe token
}

export function replayDecline(): string[] {
  return [DECLINED_CARD, ...retryQueue, unionPayRepro.pan, typoedCard, receiptSuffix, lastFour];
}

export const MERCHANT = {
  descriptor: 'ACME CONTACT 800',
  mcc: '4816', // safe: merchant category code
  orderPrefix: 'ORD-2024-118830', // safe: order number
  settlementAccount: 'acct_1NqL2b4716283910', // safe: an account id, digits glued to letters
};
