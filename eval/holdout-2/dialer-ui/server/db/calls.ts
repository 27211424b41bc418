import { primaryPool, reportingPool, sql } from './pools';
import { sealForStorage } from '../lib/pii';

export interface CallRecord {
  callId: string;
  agentId: string | null;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  startedAt: Date;
  durationSec: number;
  disposition: string;
}

export interface PreviewContact {
  contactId: string;
  phoneNumber: string;
  campaignId: string;
}

export async function recordCall(call: CallRecord): Promise<void> {
  const pool = await primaryPool();
  await pool
    .request()
    .input('callId', sql.VarChar(64), call.callId)
    .input('agentId', sql.VarChar(32), call.agentId)
    .input('direction', sql.VarChar(8), call.direction)
    .input('remoteNumberEnc', sql.VarBinary(sql.MAX), sealForStorage(call.remoteNumber)) // safe: no-plaintext-pii-storage — AES-256-GCM sealed before the insert
    .input('startedAt', sql.DateTime2, call.startedAt)
    .input('durationSec', sql.Int, call.durationSec)
    .input('disposition', sql.VarChar(32), call.disposition)
    .query(
      `INSERT INTO dbo.CallHistory (CallId, AgentId, Direction, RemoteNumberEnc, StartedAt, DurationSec, Disposition)
       VALUES (@callId, @agentId, @direction, @remoteNumberEnc, @startedAt, @durationSec, @disposition)`,
    );
}

/** Denormalised copy for the supervisors' reports. */
export async function recordCallForReporting(call: CallRecord): Promise<void> {
  const pool = await reportingPool();
  await pool
    .request()
    .input('callId', sql.VarChar(64), call.callId)
    .input('agentId', sql.VarChar(32), call.agentId)
    .input('remoteNumber', sql.VarChar(20), call.remoteNumber) // expect: no-plaintext-pii-storage
    .input('durationSec', sql.Int, call.durationSec)
    .input('disposition', sql.VarChar(32), call.disposition)
    .query(
      `INSERT INTO rpt.Calls (CallId, AgentId, RemoteNumber, DurationSec, Disposition, LoadedAt)
       VALUES (@callId, @agentId, @remoteNumber, @durationSec, @disposition, SYSUTCDATETIME())`,
    );
}

/** Reserve a preview-campaign contact for this agent and return it. */
export async function reservePreviewContact(agentId: string, contactId: string): Promise<PreviewContact | undefined> {
  const pool = await primaryPool();
  const result = await pool
    .request()
    .input('agentId', sql.VarChar(32), agentId)
    .input('contactId', sql.VarChar(64), contactId)
    .query<PreviewContact>(
      `UPDATE dbo.PreviewQueue SET ReservedBy = @agentId, ReservedAt = SYSUTCDATETIME()
       OUTPUT inserted.ContactId AS contactId, inserted.PhoneNumber AS phoneNumber, inserted.CampaignId AS campaignId
       WHERE ContactId = @contactId AND (ReservedBy IS NULL OR ReservedBy = @agentId)`,
    );
  return result.recordset[0];
}

export async function loadContactPhone(contactId: string): Promise<string | undefined> {
  const pool = await primaryPool();
  const result = await pool
    .request()
    .input('contactId', sql.VarChar(64), contactId)
    .query<{ phoneNumber: string }>('SELECT PhoneNumber AS phoneNumber FROM dbo.Contacts WHERE ContactId = @contactId');
  return result.recordset[0]?.phoneNumber;
}

/** Power-dial mode: take the oldest unreserved contact of the agent's campaign. */
export async function takeNextPowerDialContact(agentId: string, campaignId: string): Promise<PreviewContact | undefined> {
  const pool = await primaryPool();
  const result = await pool
    .request()
    .input('agentId', sql.VarChar(32), agentId)
    .input('campaignId', sql.VarChar(64), campaignId)
    .query<PreviewContact>(
      `UPDATE TOP (1) dbo.PreviewQueue SET ReservedBy = @agentId, ReservedAt = SYSUTCDATETIME()
       OUTPUT inserted.ContactId AS contactId, inserted.PhoneNumber AS phoneNumber, inserted.CampaignId AS campaignId
       WHERE CampaignId = @campaignId AND ReservedBy IS NULL`,
    );
  return result.recordset[0];
}
