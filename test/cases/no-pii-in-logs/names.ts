// Multi-country contact-center gateway: PII recognised by variable and property names (incl. transliterations),
// and names that merely contain a PII word without being PII.
import pino from 'pino';
import { maskCard, maskPhone, redact } from '@acme/pii';

const logger = pino({ name: 'kyc-gateway' });

interface CnApplicant {
  applicationId: string;
  shoujihao: string; // 手机号, mobile number
  sfzh: string; // 身份证号, resident ID
  cityCode: string;
}

interface RuSubscriber {
  accountId: string;
  nomer_telefona: string;
  snils: string;
  inn: string;
  region: string;
}

interface PaymentAttempt {
  orderId: string;
  cardNumber: string;
  cvv: string;
  cardBrand: 'visa' | 'mastercard' | 'mir' | 'unionpay';
  amountMinor: number;
}

export function verifyCnApplicant(applicant: CnApplicant): void {
  logger.info({ shoujihao: applicant.shoujihao }, 'verifying applicant'); // $ Alert[no-pii-in-logs]
  logger.info({ shoujihao: maskPhone(applicant.shoujihao) }, 'verifying applicant'); // safe: masked
  logger.info(`sfz check for ${applicant.sfzh}`); // $ Alert[no-pii-in-logs]
  logger.info(`sfz check for application ${applicant.applicationId} in ${applicant.cityCode}`); // safe: ids
}

export function verifyRuSubscriber(subscriber: RuSubscriber): void {
  const telefon = subscriber.nomer_telefona;
  logger.info(`abonent ${telefon}`); // $ Alert[no-pii-in-logs]
  logger.info({ snils: subscriber.snils, inn: subscriber.inn }, 'kyc ids'); // $ Alert[no-pii-in-logs]
  logger.info({ snils: redact(subscriber.snils), inn: redact(subscriber.inn) }, 'kyc ids'); // safe: redacted
  logger.info({ accountId: subscriber.accountId, region: subscriber.region }, 'kyc ok'); // safe: ids
}

export function chargeCard(attempt: PaymentAttempt): void {
  logger.info(`charging ${attempt.cardNumber}`); // $ Alert[no-pii-in-logs]
  logger.info(`charging ${maskCard(attempt.cardNumber)}`); // safe: masked
  logger.debug({ cvv: attempt.cvv }, 'cvv received'); // $ Alert[no-pii-in-logs]
  logger.debug({ order: attempt.orderId, brand: attempt.cardBrand, amount: attempt.amountMinor }, 'charging'); // safe: no PII
}

// Names that contain a PII word but are not PII.
const phoneRegex = /^\+[1-9]\d{6,14}$/;
const phonePlaceholder = '+1 (202) 555-01XX';
const phoneMask = '+# (###) ###-####';

export function renderForm(panelId: string, innerHtml: string, userId: string, idempotencyKey: string, phoneCount: number): void {
  logger.debug({ phoneRegex: phoneRegex.source, phonePlaceholder, phoneMask }, 'form config'); // safe: format hints
  logger.debug({ panelId, innerHtmlLength: innerHtml.length }, 'render'); // safe: "panel" is not "pan", "inner" is not "inn"
  logger.debug({ userId, idempotencyKey, phoneCount }, 'submit'); // safe: identifiers and a count
}
