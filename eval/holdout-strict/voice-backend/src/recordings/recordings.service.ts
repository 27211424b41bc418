import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, webcrypto } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { reportCallError } from '../common/observability';
import { DedupService } from '../dedup/dedup.service';

@Injectable()
export class RecordingsService {
  private readonly logger = new Logger(RecordingsService.name);
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-2' });
  private readonly bucket: string;
  private readonly accountSid: string;
  private readonly auth: string;

  constructor(config: ConfigService, private readonly dedup: DedupService) {
    this.bucket = config.getOrThrow<string>('RECORDINGS_BUCKET');
    this.accountSid = config.getOrThrow<string>('telephony.accountSid');
    this.auth = Buffer.from(`${this.accountSid}:${config.getOrThrow<string>('telephony.authToken')}`).toString('base64');
  }

  async ingest(callSid: string, recordingSid: string): Promise<void> {
    if (!(await this.dedup.once(createHash('sha1').update(recordingSid).digest('hex'), 86_400))) return; // safe: no-reversible-pii-hash — recording SID
    try {
      const res = await fetch(`https://api.twilio.com/2010-04-01/Accounts/${this.accountSid}/Recordings/${recordingSid}.wav`, { headers: { Authorization: `Basic ${this.auth}` } }); // safe: no-pii-in-url — account and recording SIDs
      if (!res.ok) throw new Error(`recording download failed: ${res.status}`);
      const audio = Buffer.from(await res.arrayBuffer());
      const checksum = createHash('sha256').update(audio).digest('base64'); // safe: no-reversible-pii-hash — checksum of audio bytes
      const fingerprint = Buffer.from(await webcrypto.subtle.digest('SHA-256', audio.subarray(0, 64_000))).toString('hex'); // safe: no-reversible-pii-hash — Web Crypto digest of audio, for duplicate detection
      await this.s3.send(new PutObjectCommand({
        Bucket: this.bucket,
        Key: `recordings/${callSid}.wav`,
        Body: audio,
        ChecksumSHA256: checksum,
        ServerSideEncryption: 'aws:kms',
        Metadata: { callSid, recordingSid, fingerprint },
      }));
      this.logger.log(`stored recording ${recordingSid} for ${callSid}`);
    } catch (err) {
      reportCallError(err, callSid);
    }
  }
}
