/** Branded E.164 number, e.g. "+12025550143". Build it with `asE164`, never by casting. */
export type E164 = string & { readonly __brand: 'E164' };

export type Market = 'CN' | 'RU' | 'KZ' | 'DE' | 'PL' | 'GB' | 'US';

export type IdKind = 'cn_resident' | 'ru_inn' | 'ru_snils' | 'ru_passport' | 'uk_nino' | 'us_ssn';

export interface Customer {
  id: string;
  market: Market;
  phone: E164;
  email: string | null;
  idKind: IdKind | null;
  idNumber: string | null;
  locale: string;
  vip: boolean;
  phoneVerified: boolean;
}

const COUNTRY_CODE: Record<Market, string> = { CN: '86', RU: '7', KZ: '7', DE: '49', PL: '48', GB: '44', US: '1' };

export function asE164(raw: string, market: Market): E164 {
  const cleaned = raw.replace(/[^\d+]/g, '');
  if (cleaned.startsWith('+')) return cleaned as E164;
  if (cleaned.startsWith('00')) return `+${cleaned.slice(2)}` as E164;
  if ((market === 'RU' || market === 'KZ') && cleaned.length === 11 && cleaned.startsWith('8')) {
    return `+7${cleaned.slice(1)}` as E164;
  }
  return `+${COUNTRY_CODE[market]}${cleaned.replace(/^0+/, '')}` as E164;
}

export function marketOf(e164: string): Market {
  if (e164.startsWith('+86')) return 'CN';
  if (e164.startsWith('+77')) return 'KZ';
  if (e164.startsWith('+7')) return 'RU';
  if (e164.startsWith('+49')) return 'DE';
  if (e164.startsWith('+48')) return 'PL';
  if (e164.startsWith('+44')) return 'GB';
  return 'US';
}
