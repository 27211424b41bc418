'use strict';

const axios = require('axios');
const { readFileSync } = require('fs');
const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const { tokenGenerate } = require('@vonage/jwt');
const CallRecord = require('../models/CallRecord');
const config = require('../config');
const { logger } = require('../lib/logger');

const s3 = new S3Client({ region: config.s3.region });
const privateKey = readFileSync(config.vonage.privateKeyPath);

function recordingKeyFor(conversationUuid, when = new Date()) {
  const day = when.toISOString().slice(0, 10);
  return `recordings/${day}/${conversationUuid}.mp3`;
}

/**
 * Vonage keeps recordings for 30 days only; copy each one into our bucket as soon
 * as the recording webhook fires.
 */
async function archiveRecording({ recordingUrl, conversationUuid }) {
  const jwt = tokenGenerate(config.vonage.applicationId, privateKey);
  const { data } = await axios.get(recordingUrl, {
    responseType: 'arraybuffer',
    headers: { Authorization: `Bearer ${jwt}` },
    timeout: 60_000,
  });

  const key = recordingKeyFor(conversationUuid);
  await s3.send(new PutObjectCommand({ Bucket: config.s3.recordingsBucket, Key: key, Body: data, ContentType: 'audio/mpeg', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: config.s3.kmsKeyId })); // safe: no-plaintext-pii-storage — SSE-KMS

  await CallRecord.updateOne({ conversationUuid }, { $set: { recordingKey: key, recordingUrl } });
  logger.info('recording archived', { conversationUuid, key }); // safe: no-pii-in-logs — conversation id and object key
  return key;
}

/** QA partner scores a sample of calls; they pull from their own bucket. */
async function shareWithQaVendor(conversationUuid) {
  const rec = await CallRecord.findOne({ conversationUuid }).lean();
  if (!rec || !rec.recordingKey) {
    throw new Error(`no archived recording for conversation ${conversationUuid}`); // safe: no-pii-in-logs — conversation id only
  }
  const obj = await s3.send(new GetObjectCommand({ Bucket: config.s3.recordingsBucket, Key: rec.recordingKey }));
  const recording = Buffer.from(await obj.Body.transformToByteArray());

  await s3.send(new PutObjectCommand({ Bucket: config.s3.qaVendorBucket, Key: `acme/${conversationUuid}.mp3`, Body: recording, ContentType: 'audio/mpeg' })); // expect: no-plaintext-pii-storage
  logger.info('recording shared with QA vendor', { conversationUuid, bytes: recording.length }); // safe: no-pii-in-logs — id and size
}

module.exports = { archiveRecording, shareWithQaVendor, recordingKeyFor };
