// Marketing site "call me back" widget: Google Analytics 4 events and enhanced conversions.
// Google's terms forbid sending PII in events; enhanced-conversion data is personal data sent to Google.
/// <reference types="gtag.js" />
import { tokenize } from '@acme/pii';

interface CallMeBack {
  phone: string;
  email: string;
  product: 'fiber' | 'mobile' | 'tv';
  source: string;
}

export function trackSubmit(form: CallMeBack): void {
  gtag('event', 'generate_lead', { product: form.product, source: form.source }); // safe: no PII
  gtag('event', 'generate_lead', { product: form.product, phone_number: form.phone }); // $ Alert[no-pii-to-third-party]
  gtag('event', 'call_me_back', { event_label: `callback for ${form.phone}` }); // $ Alert[no-pii-to-third-party]
}

export function enhancedConversion(form: CallMeBack): void {
  gtag('set', 'user_data', { email: form.email, phone_number: form.phone }); // $ Alert[no-pii-to-third-party]
  gtag('set', 'user_properties', { preferred_product: form.product }); // safe: no PII
}

export async function trackWithToken(form: CallMeBack): Promise<void> {
  gtag('event', 'generate_lead', { lead_ref: await tokenize(form.phone) }); // safe: tokenized
}

export function trackClickToCall(position: 'header' | 'footer', digitsShown: number): void {
  gtag('event', 'click_to_call', { position, digits_shown: digitsShown }); // safe: position and a count
  gtag('config', process.env.GA_MEASUREMENT_ID ?? '', { send_page_view: false }); // safe: configuration
}

export function trackValidation(form: CallMeBack): void {
  const phoneValid = /^\+[1-9]\d{6,14}$/.test(form.phone);
  gtag('event', 'form_validation', { phone_valid: phoneValid }); // safe: a boolean
  window.gtag?.('event', 'form_submit', { phone: form.phone }); // $ Alert[no-pii-to-third-party]
}

// Google Tag Manager: whatever is pushed to the data layer is available to every tag in the container.
export function pushToTagManager(form: CallMeBack): void {
  dataLayer.push({ event: 'callback_submitted', product: form.product, source: form.source }); // safe: no PII
  dataLayer.push({ event: 'callback_submitted', user_phone: form.phone }); // $ Alert[no-pii-to-third-party]
}
