import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import * as bcrypt from 'bcrypt';
import * as argon2 from 'argon2';
import CryptoJS from 'crypto-js';
import { EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import type { KycSubmission, NationalId } from '../common/types';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export interface StoredIdentity {
  customerId: string;
  nationalIdBcrypt: string;
  nationalIdLookup: string;
  nationalIdCiphertext: string;
  passportArgon2: string | null;
  taxIdLookup: string | null;
  legacyMatchKey: string;
  saltedDigest: { salt: string; digest: string };
}

@Injectable()
export class IdentityService {
  private readonly kms = new KMSClient({ region: process.env.AWS_REGION ?? 'eu-west-2' });
  private readonly kmsKeyId: string;
  private readonly lookupKey: Buffer;

  constructor(config: ConfigService) {
    this.kmsKeyId = config.getOrThrow<string>('KYC_KMS_KEY_ID');
    this.lookupKey = Buffer.from(config.getOrThrow<string>('KYC_LOOKUP_KEY'), 'base64');
  }

  async enrol(sub: KycSubmission): Promise<StoredIdentity> {
    const nationalIdBcrypt = await bcrypt.hash(sub.nationalId, 12); // safe: no-reversible-pii-hash — bcrypt, slow and salted
    const nationalIdLookup = createHmac('sha256', this.lookupKey).update(sub.nationalId).digest('hex'); // safe: no-reversible-pii-hash — keyed HMAC
    const { CiphertextBlob } = await this.kms.send(new EncryptCommand({ KeyId: this.kmsKeyId, Plaintext: Buffer.from(sub.nationalId) })); // safe: no-reversible-pii-hash — KMS encryption, not a hash
    const passportArgon2 = sub.passportNumber ? await argon2.hash(sub.passportNumber, { type: argon2.argon2id }) : null; // safe: no-reversible-pii-hash — argon2id
    const taxIdLookup = sub.taxId ? CryptoJS.HmacSHA256(sub.taxId, this.lookupKey.toString('hex')).toString(CryptoJS.enc.Hex) : null; // safe: no-reversible-pii-hash — crypto-js HMAC with the lookup key

    // The old case-management system matches on this; it cannot do HMAC.
    const legacyMatchKey = CryptoJS.SHA256(sub.nationalId).toString(CryptoJS.enc.Hex); // expect: no-reversible-pii-hash

    // "Salted", but SHA-256 is fast and the salt sits next to the digest.
    const salt = randomBytes(16);
    const digest = createHash('sha256').update(salt).update(sub.nationalId).digest('hex'); // expect: no-reversible-pii-hash

    return {
      customerId: sub.customerId,
      nationalIdBcrypt,
      nationalIdLookup,
      nationalIdCiphertext: Buffer.from(CiphertextBlob ?? new Uint8Array()).toString('base64'),
      passportArgon2,
      taxIdLookup,
      legacyMatchKey,
      saltedDigest: { salt: salt.toString('hex'), digest },
    };
  }

  /** Key for the consortium fraud list, which members publish as plain SHA-256 of the ID. */
  fraudListKey(nationalId: NationalId): string {
    return createHash('sha256').update(nationalId.trim().toUpperCase()).digest('hex'); // expect: no-reversible-pii-hash
  }

  /** IVR ID&V for US customers: the caller keys in their SSN; we keep only a scrypt hash of it. */
  async verifySsn(ssn: string, stored: { salt: string; hash: string }): Promise<boolean> {
    const derived = await scrypt(ssn.replace(/\D/g, ''), Buffer.from(stored.salt, 'hex'), 64); // safe: no-reversible-pii-hash — scrypt, slow and salted per record
    return timingSafeEqual(derived, Buffer.from(stored.hash, 'hex'));
  }

  async verifyNationalId(candidate: string, stored: StoredIdentity): Promise<boolean> {
    return bcrypt.compare(candidate, stored.nationalIdBcrypt);
  }
}
