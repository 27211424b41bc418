// Serverless voicemail and callback handlers on DynamoDB (SDK v2 DocumentClient and SDK v3 commands).
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
import AWS from 'aws-sdk';
import { tokenize } from '@acme/crypto';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const raw = new DynamoDBClient({});
const kms = new KMSClient({});
const docClient = new AWS.DynamoDB.DocumentClient();

interface VoicemailEvent {
  callSid: string;
  callerPhone: string;
  recordingUrl: string;
  transcript: string;
}

async function sealWithKms(plaintext: string): Promise<string> {
  const out = await kms.send(new EncryptCommand({ KeyId: process.env.PII_KEY_ID, Plaintext: Buffer.from(plaintext) }));
  return Buffer.from(out.CiphertextBlob ?? []).toString('base64');
}

export async function storeVoicemail(event: VoicemailEvent): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: 'voicemails',
      Item: {
        callSid: event.callSid, // safe: SID
        callerPhone: event.callerPhone, // $ Alert[no-plaintext-pii-storage]
        recordingUrl: event.recordingUrl, // $ Alert[no-plaintext-pii-storage]
        receivedAt: Date.now(), // safe: timestamp
      },
    }),
  );

  await ddb.send(
    new PutCommand({
      TableName: 'voicemails',
      Item: {
        callSid: event.callSid, // safe: SID
        callerPhone: await sealWithKms(event.callerPhone), // safe: KMS-encrypted
        recordingUrl: await sealWithKms(event.recordingUrl), // safe: KMS-encrypted
        receivedAt: Date.now(), // safe: timestamp
      },
    }),
  );
}

export async function scheduleCallback(callSid: string, phone: string, at: string): Promise<void> {
  await raw.send(
    new PutItemCommand({
      TableName: 'callbacks',
      Item: {
        callSid: { S: callSid }, // safe: SID
        phone: { S: phone }, // $ Alert[no-plaintext-pii-storage]
        at: { S: at }, // safe: timestamp
      },
    }),
  );
  await raw.send(new PutItemCommand({ TableName: 'callbacks', Item: { callSid: { S: callSid }, phoneToken: { S: tokenize(phone) } } })); // safe: tokenized
}

export async function changeCallbackNumber(callSid: string, phone: string): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: 'callbacks',
      Key: { callSid }, // safe: SID
      UpdateExpression: 'SET phone = :p',
      ExpressionAttributeValues: { ':p': phone }, // $ Alert[no-plaintext-pii-storage]
    }),
  );
}

export async function legacyPut(callSid: string, msisdn: string): Promise<void> {
  await docClient.put({ TableName: 'legacy_calls', Item: { callSid, msisdn } }).promise(); // $ Alert[no-plaintext-pii-storage]
  await docClient.put({ TableName: 'legacy_calls', Item: { callSid, msisdn: tokenize(msisdn) } }).promise(); // safe: tokenized
  await docClient.get({ TableName: 'legacy_calls', Key: { callSid } }).promise(); // safe: a read
}
