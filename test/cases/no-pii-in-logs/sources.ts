// Telephony gateway: one service fronting Twilio, jambonz, Asterisk ARI and FreeSWITCH.
// PII here is recognised by where it comes from, not by the variable names.
import ari from 'ari-client';
import type { Channel, StasisStart } from 'ari-client';
import express from 'express';
import esl from 'modesl';
import twilio from 'twilio';
import winston from 'winston';
import { maskPhone } from '@acme/pii';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const app = express();
app.use(express.urlencoded({ extended: false }), express.json());

// Twilio voice webhook.
app.post('/twilio/voice', twilio.webhook(), (req, res) => {
  const origin = req.body.From;
  const dialled = req.body.Called;
  logger.info(`twilio call ${req.body.CallSid} from ${origin}`); // $ Alert[no-pii-in-logs]
  logger.info(`twilio call ${req.body.CallSid} to ${dialled}`); // $ Alert[no-pii-in-logs]
  logger.info(`twilio call ${req.body.CallSid} from ${maskPhone(origin)}`); // safe: masked
  logger.info(`twilio call ${req.body.CallSid} status ${req.body.CallStatus}`); // safe: SID and status
  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});

// jambonz call webhook: lower-case from/to plus the caller-id name.
app.post('/jambonz/call', (req, res) => {
  const { call_sid, from, to, caller_name, direction } = req.body;
  logger.info('jambonz call', { callSid: call_sid, from }); // $ Alert[no-pii-in-logs]
  logger.info('jambonz call', { callSid: call_sid, to: maskPhone(to) }); // safe: masked
  logger.info('jambonz caller', caller_name); // $ Alert[no-pii-in-logs]
  logger.info('jambonz call', { callSid: call_sid, direction }); // safe: SID and direction
  res.json([{ verb: 'say', text: 'Connecting you now.' }, { verb: 'dial', target: [{ type: 'user', name: 'queue@acme.example' }] }]);
});

// Asterisk ARI Stasis application.
export async function startAri(): Promise<void> {
  const client = await ari.connect('https://pbx.acme.example:8089', process.env.ARI_USER ?? '', process.env.ARI_PASS ?? '');
  client.on('StasisStart', (event: StasisStart, channel: Channel) => {
    logger.info(`stasis start ${channel.id} caller ${channel.caller.number}`); // $ Alert[no-pii-in-logs]
    logger.info(`stasis start ${channel.id} on ${channel.name} in state ${channel.state}`); // safe: channel id, name, state
    logger.info(`stasis start for app ${event.application}`); // safe: app name
    const caller = channel.caller;
    logger.info('ari caller', { number: caller.number }); // $ Alert[no-pii-in-logs]
    logger.info('ari caller', { number: maskPhone(caller.number) }); // safe: masked
    logger.info('ari dialplan', { context: channel.dialplan.context, priority: channel.dialplan.priority }); // safe: dialplan position
    void channel.answer();
  });
  client.start('ivr');
}

// FreeSWITCH event socket.
export function startEsl(): void {
  const connection = new esl.Connection('127.0.0.1', 8021, process.env.ESL_PASSWORD ?? '', () => {
    connection.events('json', 'CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE');
  });
  connection.on('esl::event::CHANNEL_ANSWER::*', (evt: esl.Event) => {
    const uuid = evt.getHeader('Unique-ID');
    const cid = evt.getHeader('Caller-Caller-ID-Number');
    logger.info(`answered ${uuid} caller ${cid}`); // $ Alert[no-pii-in-logs]
    logger.info(`answered ${uuid} caller ${maskPhone(cid)}`); // safe: masked
    logger.info(`answered ${uuid} state ${evt.getHeader('Channel-State')}`); // safe: UUID and state
  });
  connection.on('esl::event::CHANNEL_HANGUP_COMPLETE::*', (evt: esl.Event) => {
    logger.info('hangup', { cause: evt.getHeader('Hangup-Cause'), billsec: Number(evt.getHeader('variable_billsec')) }); // safe: cause and seconds
  });
}

app.listen(3000);
