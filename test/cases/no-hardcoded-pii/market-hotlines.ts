// Hotlines and on-call contacts of the DACH and UK desks. German service numbers (0180 shared-cost, 0800
// freephone) share their first digits with British area codes, so the way a number is written decides.
interface Hotline {
  market: 'DE' | 'AT' | 'UK';
  label: string;
  number: string;
}

export const HOTLINES: Hotline[] = [
  { market: 'DE', label: 'Service (20 ct/Anruf)', number: '01806 24 73 11' }, // safe: DE 0180 shared-cost number, written the German way
  { market: 'DE', label: 'Service (14 ct/min)', number: '0180 5 313729' }, // safe: DE 0180 shared-cost number in its national format
  { market: 'DE', label: 'Kostenlos', number: '0800 330 4711' }, // safe: freephone
  { market: 'UK', label: 'Customer care', number: '0345 602 1377' }, // safe: UK 03 non-geographic line
];

export const ON_CALL = {
  teamLead: { name: 'R. Patel', landline: '01803 664721' }, // $ Alert[no-hardcoded-pii]
  munich: { name: 'S. Huber', landline: '089 2180 4417' }, // $ Alert[no-hardcoded-pii]
  shetland: { name: 'Lerwick depot', landline: '01806224477' }, // safe: digits alone, GB line or DE 0180 service: the region can't be told
};
