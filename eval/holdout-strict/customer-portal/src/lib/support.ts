/**
 * Contact points shown on the help pages, in the IVR fallback message and in
 * the agent handbook. Kept here so marketing can change them in one place.
 */
export const SUPPORT_HOTLINE_US = '+1 888 431 7260'; // safe: no-hardcoded-pii — toll-free (888) company hotline; toll-free numbers are business services, never a person's line
export const SUPPORT_HOTLINE_UK = '0800 048 7711'; // safe: no-hardcoded-pii — UK 0800 freephone company hotline
export const SUPPORT_HOTLINE_CN = '400-820-6317'; // safe: no-hardcoded-pii — CN 400 business hotline (10 digits, not a 1[3-9] mobile)
export const SMS_SHORT_CODE = '72345'; // safe: no-hardcoded-pii — 5-digit SMS short code, too short to be a phone number
export const PHONE_INPUT_PLACEHOLDER = '+1 (202) 555-0143'; // safe: no-hardcoded-pii — NANP 555-0100..0199 fictional range

/** The duty manager's own mobile, used when the escalation queue is down. */
export const DUTY_MANAGER_MOBILE = '+447912253628'; // expect: no-hardcoded-pii

export const SUPPORT_EMAIL = 'help@example-telecom.com';
export const STATUS_PAGE_URL = 'https://status.example-telecom.com';

export const OPENING_HOURS = {
  weekdays: { open: '08:00', close: '20:00' },
  saturday: { open: '09:00', close: '17:00' },
  sunday: null,
} as const;
