import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { PinpointClient } from '@aws-sdk/client-pinpoint';
import { ConnectClient } from '@aws-sdk/client-connect';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { config } from '../config';

// One set of clients per container; created at cold start and reused.
const base = { region: config.region, endpoint: config.awsEndpoint };

export const ddb = DynamoDBDocumentClient.from(new DynamoDBClient(base), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
export const s3 = new S3Client({ ...base, forcePathStyle: Boolean(config.awsEndpoint) });
export const sqs = new SQSClient(base);
export const sns = new SNSClient(base);
export const pinpoint = new PinpointClient(base);
export const connect = new ConnectClient(base);
export const kms = new KMSClient(base);
export const secrets = new SecretsManagerClient(base);
