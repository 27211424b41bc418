// Funnel analytics for the self-service callback page: Mixpanel in the browser, Amplitude for the mobile web app.
import * as amplitude from '@amplitude/analytics-browser';
import mixpanel from 'mixpanel-browser';
import { maskPhone } from '@acme/pii';

interface CallbackForm {
  leadId: string;
  phone: string;
  preferredSlot: string;
  country: string;
}

mixpanel.init(process.env.MIXPANEL_TOKEN ?? '');
amplitude.init(process.env.AMPLITUDE_API_KEY ?? '');

export function onSubmitMixpanel(form: CallbackForm): void {
  mixpanel.identify(form.leadId); // safe: lead id
  mixpanel.track('Callback Form Submitted', { phone: form.phone, slot: form.preferredSlot }); // $ Alert[no-pii-to-third-party]
  mixpanel.track('Callback Form Submitted', { slot: form.preferredSlot, country: form.country }); // safe: no PII
  mixpanel.people.set({ $phone: form.phone }); // $ Alert[no-pii-to-third-party]
  mixpanel.people.set({ country: form.country, lastSlot: form.preferredSlot }); // safe: no PII
  mixpanel.register({ contactNumber: form.phone }); // $ Alert[no-pii-to-third-party]
  mixpanel.register({ numberHint: maskPhone(form.phone) }); // safe: masked
}

export function onSubmitAmplitude(form: CallbackForm): void {
  amplitude.setUserId(form.leadId); // safe: lead id
  amplitude.track('Callback Form Submitted', { phone: form.phone }); // $ Alert[no-pii-to-third-party]
  amplitude.track('Callback Form Submitted', { slot: form.preferredSlot }); // safe: no PII
  amplitude.identify(new amplitude.Identify().set('phone', form.phone)); // $ Alert[no-pii-to-third-party]
  amplitude.identify(new amplitude.Identify().set('country', form.country)); // safe: a country
}

export function onLegacyLogin(phone: string): void {
  amplitude.setUserId(phone); // $ Alert[no-pii-to-third-party]
}

export function onFormError(form: CallbackForm, fieldsWithErrors: string[]): void {
  amplitude.track('Callback Form Error', { fields: fieldsWithErrors, phoneLength: form.phone.length }); // safe: field names and a length
  mixpanel.track('Callback Form Error', { fieldCount: fieldsWithErrors.length }); // safe: a count
}
