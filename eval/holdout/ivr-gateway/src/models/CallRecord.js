'use strict';

const mongoose = require('mongoose');

const callRecordSchema = new mongoose.Schema(
  {
    conversationUuid: { type: String, index: true }, // safe: no-plaintext-pii-storage — provider conversation id
    callUuid: { type: String, index: true },
    provider: { type: String, enum: ['vonage', 'jambonz'], required: true },
    direction: { type: String, enum: ['inbound', 'outbound'], required: true },
    callerNumber: { type: String, index: true }, // expect: no-plaintext-pii-storage
    serviceNumber: String,
    menuPath: [String],
    queue: String,
    agentId: String, // safe: no-plaintext-pii-storage — internal agent id
    disposition: { type: String, enum: ['self-served', 'agent', 'abandoned', 'callback', 'payment'] },
    recordingUrl: String, // expect: no-plaintext-pii-storage
    recordingKey: String, // safe: no-plaintext-pii-storage — S3 object key in the encrypted bucket
    startedAt: Date,
    endedAt: Date,
    durationSec: Number,
  },
  { timestamps: true },
);

callRecordSchema.index({ startedAt: -1 });

module.exports = mongoose.model('CallRecord', callRecordSchema);
