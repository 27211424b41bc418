'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Call, Device } from '@twilio/voice-sdk';
import * as Sentry from '@sentry/nextjs';
import { datadogRum } from '@datadog/browser-rum';
import type { Agent, E164 } from '@/lib/types';
import { maskPhone } from '@/lib/format';
import { wrapUpHref } from '@/lib/links';
import { callerNumber, callSidOf, isInternalTransfer } from '@/lib/voice';

type Status = 'offline' | 'ready' | 'ringing' | 'in-call' | 'error';

/** Lets a developer ring their own phone instead of the customer's. */
const DEV_DIAL_OVERRIDE = process.env.NODE_ENV === 'development' ? '+14153831866' : undefined; // expect: no-hardcoded-pii

export function Softphone({ agent, token }: { agent: Agent; token: string }) {
  const router = useRouter();
  const device = useRef<Device | null>(null);
  const [active, setActive] = useState<Call | null>(null);
  const [status, setStatus] = useState<Status>('offline');
  const [muted, setMuted] = useState(false);

  useEffect(() => {
    Sentry.setUser({ id: agent.id, email: agent.email }); // expect: no-pii-to-third-party
    datadogRum.setUser({ id: agent.id, team: agent.team, role: agent.role }); // safe: no-pii-to-third-party — agent id, team, role

    const d = new Device(token, {
      codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU],
      closeProtection: true,
      edge: ['dublin', 'ashburn'],
    });

    d.on('registered', () => setStatus('ready'));
    d.on('error', (err) => {
      setStatus('error');
      Sentry.captureException(err, { tags: { agentId: agent.id, twilioCode: String(err.code) } }); // safe: no-pii-to-third-party — agent id and SDK error code
    });

    d.on('incoming', (call: Call) => {
      const from = callerNumber(call);
      const callSid = callSidOf(call);
      const ringStarted = performance.now();
      datadogRum.addAction('incoming_call', { callSid, queue: agent.team, transfer: isInternalTransfer(call) }); // safe: no-pii-to-third-party — SID, queue name, a boolean
      Sentry.setTag('caller', maskPhone(from)); // safe: no-pii-to-third-party — masked number
      setStatus('ringing');

      call.on('accept', () => {
        setStatus('in-call');
        datadogRum.addAction('call_accepted', { callSid, waitMs: Math.round(performance.now() - ringStarted) }); // safe: no-pii-to-third-party — SID and a duration
        router.push(`/agent/screen-pop?caller=${encodeURIComponent(from)}&callSid=${callSid}`); // expect: no-pii-in-url
      });
      call.on('cancel', () => {
        setStatus('ready');
        window.location.href = `/agent/missed?from=${encodeURIComponent(from)}`; // expect: no-pii-in-url
      });
      call.on('disconnect', () => {
        setStatus('ready');
        setActive(null);
        window.location.assign(wrapUpHref(callSid)); // safe: no-pii-in-url — the wrap-up link carries the call SID only
      });
      setActive(call);
    });

    d.register();
    device.current = d;
    return () => {
      d.destroy();
      device.current = null;
    };
  }, [agent, token, router]);

  const dial = useCallback(async (to: E164) => {
    if (!device.current) return;
    Sentry.addBreadcrumb({ category: 'softphone', message: `Dialing ${to}`, level: 'info' }); // expect: no-pii-to-third-party
    const call = await device.current.connect({ params: { To: DEV_DIAL_OVERRIDE ?? to, agentId: agent.id } });
    datadogRum.addAction('outbound_call', { to, team: agent.team }); // expect: no-pii-to-third-party
    setActive(call);
    setStatus('in-call');
  }, [agent]);

  const toggleMute = () => {
    if (!active) return;
    active.mute(!muted);
    setMuted(!muted);
  };

  return (
    <div className={`softphone softphone--${status}`}>
      <span className="softphone__status">{status}</span>
      {active ? (
        <>
          <button type="button" onClick={toggleMute}>{muted ? 'Unmute' : 'Mute'}</button>
          <button type="button" onClick={() => active.disconnect()}>Hang up</button>
        </>
      ) : (
        <DialPad onDial={dial} disabled={status !== 'ready'} />
      )}
    </div>
  );
}

function DialPad({ onDial, disabled }: { onDial(to: E164): void; disabled: boolean }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="dialpad"
      onSubmit={(e) => {
        e.preventDefault();
        const to = value.startsWith('+') ? (value as E164) : null;
        if (to) onDial(to);
      }}
    >
      <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="tel" autoComplete="off" />
      <button type="submit" disabled={disabled}>Dial</button>
    </form>
  );
}
