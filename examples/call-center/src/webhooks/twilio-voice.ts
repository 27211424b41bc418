import { Router } from 'express';
import { config } from '../config.js';
import { mainMenu } from '../ivr/menu.js';
import { logger, maskPhone } from '../lib/logger.js';
import { twilioClient, validateTwilioSignature, VoiceResponse } from '../lib/twilio.js';
import { archiveRecording } from '../storage/recordings.js';
import { callRecordRepo, findAccountByCallerId, logCall } from '../storage/repositories.js';
import { endIvrSession, saveIvrSession } from '../storage/session-cache.js';

/** Voice webhooks configured on every Twilio number we own. */
export const voiceWebhooks = Router();
voiceWebhooks.use('/twilio/voice', validateTwilioSignature);

voiceWebhooks.post('/twilio/voice/inbound', async (req, res) => {
  const callSid: string = req.body.CallSid;
  const callerId: string = req.body.From;
  logger.info('inbound call', { callSid, from: maskPhone(callerId) });

  const account = await findAccountByCallerId(callerId);
  await saveIvrSession({
    callSid,
    callerId,
    accountId: account?.id,
    amountDueCents: account?.balanceCents,
    step: 'menu',
    failedAttempts: 0,
  });
  res.type('text/xml').send(mainMenu(account).toString());
});

/** Rings the agents of a queue; Twilio records both legs once an agent answers. */
voiceWebhooks.post('/twilio/voice/connect-agent', (req, res) => {
  const queue = String(req.query.queue ?? 'general');
  const twiml = new VoiceResponse();
  const dial = twiml.dial({
    action: '/twilio/voice/after-dial',
    timeout: 25,
    record: 'record-from-answer-dual',
    recordingStatusCallback: `${config.publicBaseUrl}/twilio/voice/recording`,
    recordingStatusCallbackEvent: ['completed'],
  });
  dial.sip(`sips:${queue}-agents@pbx.northwind-cc.com;transport=tls`);
  res.type('text/xml').send(twiml.toString());
});

/** Twilio posts here when the <Dial> to the agents ends. */
voiceWebhooks.post('/twilio/voice/after-dial', async (req, res) => {
  const dialStatus: string = req.body.DialCallStatus;
  const twiml = new VoiceResponse();
  if (dialStatus === 'no-answer' || dialStatus === 'busy' || dialStatus === 'failed') {
    twiml.say('All of our agents are busy right now. We will text you a link to book a callback.');
    // Missed-call text-back.
    await twilioClient.messages.create({ // $ Alert[require-consent-check]
      to: req.body.From,
      messagingServiceSid: config.twilio.messagingServiceSid,
      body: 'Sorry we missed your call. Reply CALL and an agent will call you back, or STOP to opt out.',
    });
  }
  twiml.hangup();
  res.type('text/xml').send(twiml.toString());
});

voiceWebhooks.post('/twilio/voice/status', async (req, res) => {
  const { CallSid, CallStatus, CallDuration, Direction, From } = req.body;
  logger.info(`Call ${CallSid} from ${From} ended: ${CallStatus}`); // $ Alert[no-pii-in-logs]

  if (CallStatus === 'completed') {
    await logCall({
      callSid: CallSid,
      direction: Direction === 'inbound' ? 'inbound' : 'outbound',
      callerNumber: From,
      durationSeconds: Number(CallDuration ?? 0),
    });
  }
  await endIvrSession(CallSid);
  res.sendStatus(204);
});

voiceWebhooks.post('/twilio/voice/recording', async (req, res) => {
  const { CallSid, RecordingSid, RecordingUrl, RecordingStatus } = req.body;
  if (RecordingStatus === 'completed') {
    const s3Key = await archiveRecording({ CallSid, RecordingSid, RecordingUrl });
    await callRecordRepo.update({ callSid: CallSid }, { recordingSid: RecordingSid, s3Key });
  }
  res.sendStatus(204);
});
