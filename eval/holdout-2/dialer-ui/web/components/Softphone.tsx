import { useCallback, useEffect, useRef, useState } from 'react';
import { Softphone, type IncomingCall, type PhoneState } from '../softphone';
import { maskNumber, recentNumbers, savePreferences, setAgentExtensionCookie } from '../storage';
import { SUPPORT_PHONE_NUMBER } from '../config';
import log from '../log';

interface Props {
  extension: string;
  sipPassword: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function SoftphonePanel({ extension, sipPassword }: Props) {
  const phone = useRef<Softphone | null>(null);
  const [state, setState] = useState<PhoneState>('offline');
  const [detail, setDetail] = useState<string | undefined>();
  const [digits, setDigits] = useState('');
  const [incoming, setIncoming] = useState<IncomingCall | null>(null);
  const [callerIdEnabled, setCallerIdEnabled] = useState(true);

  useEffect(() => {
    const softphone = new Softphone(extension, sipPassword, {
      onState: (next, why) => {
        setState(next);
        setDetail(why);
        if (next !== 'ringing') setIncoming(null);
      },
      onIncoming: (call) => setIncoming(call),
    });
    phone.current = softphone;
    setAgentExtensionCookie(extension);
    softphone.start();
    return () => softphone.stop();
  }, [extension, sipPassword]);

  useEffect(() => {
    if (!phone.current) return;
    phone.current.callerIdEnabled = callerIdEnabled;
    savePreferences({ callerIdEnabled, ringtone: 'classic', phoneModel: phone.current.phoneModel });
  }, [callerIdEnabled]);

  const onDial = useCallback(async () => {
    const number = digits.startsWith('+') ? digits : `+1${digits}`;
    try {
      await phone.current?.dial(number);
    } catch (err) {
      log.error('dial failed', (err as Error).message);
    }
  }, [digits]);

  const onAnswer = useCallback(() => {
    if (!incoming) return;
    console.info(`answering call from ${maskNumber(incoming.callerNumber)}`);
    incoming.answer();
  }, [incoming]);

  const onTransferToSupport = useCallback(() => {
    log.info('transfer to support line requested', SUPPORT_PHONE_NUMBER); // safe: no-pii-in-logs — the company's public support number
  }, []);

  const recent = recentNumbers();

  return (
    <div className={`softphone softphone--${state}`}>
      <header>
        <span className="softphone__ext">Ext. {extension}</span>
        <span className="softphone__state">{state}{detail ? ` (${detail})` : ''}</span>
      </header>

      {incoming && (
        <div className="softphone__incoming" role="alert">
          <strong>{incoming.displayName || 'Unknown caller'}</strong>
          <span>{maskNumber(incoming.callerNumber)}</span>
          <button onClick={onAnswer}>Answer</button>
          <button onClick={() => incoming.reject()}>Decline</button>
        </div>
      )}

      <input
        className="softphone__display"
        value={digits}
        onChange={(e) => setDigits(e.target.value.replace(/[^\d+*#]/g, ''))}
        placeholder="Number to call"
        inputMode="tel"
      />
      <div className="softphone__keypad">
        {KEYS.map((k) => (
          <button key={k} onClick={() => setDigits((d) => d + k)}>
            {k}
          </button>
        ))}
      </div>

      <div className="softphone__actions">
        <button disabled={state !== 'ready' || digits.length < 10} onClick={onDial}>
          Call
        </button>
        <button disabled={state !== 'ready' || recent.length === 0} onClick={() => phone.current?.redial()}>
          Redial
        </button>
        <button disabled={state !== 'in-call'} onClick={() => phone.current?.hangup()}>
          Hang up
        </button>
        <button disabled={state !== 'in-call'} onClick={onTransferToSupport}>
          Transfer to support
        </button>
      </div>

      <label className="softphone__callerid">
        <input type="checkbox" checked={callerIdEnabled} onChange={(e) => setCallerIdEnabled(e.target.checked)} />
        Show our caller ID
      </label>

      <footer>Support: {SUPPORT_PHONE_NUMBER}</footer>
    </div>
  );
}
