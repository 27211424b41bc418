'use client';

import { useEffect, useState } from 'react';
import { CallerCard } from '@/components/CallerCard';
import { Softphone } from '@/components/Softphone';
import { useCallerLookup, useScreenPop } from '@/hooks/useCallerLookup';
import { identifyAgent, initAnalytics, trackCallRated } from '@/lib/analytics';
import { toE164 } from '@/lib/format';
import type { Agent, E164, IncomingCaller } from '@/lib/types';

interface ScreenPopEvent {
  callSid: string;
  lookupToken: string;
  phone: E164;
  lineType: IncomingCaller['lineType'];
}

export default function AgentWorkspace() {
  const [agent, setAgent] = useState<Agent | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [pop, setPop] = useState<ScreenPopEvent | null>(null);
  const [manual, setManual] = useState<E164 | null>(null);
  const { data: popCustomer } = useScreenPop(pop?.lookupToken);
  const { data: manualCustomer } = useCallerLookup(manual);

  useEffect(() => {
    void (async () => {
      const res = await fetch('/api/agent/session');
      const body = (await res.json()) as { agent: Agent; voiceToken: string };
      setAgent(body.agent);
      setToken(body.voiceToken);
      initAnalytics();
      identifyAgent(body.agent);
    })();
  }, []);

  useEffect(() => {
    if (!agent) return;
    const events = new EventSource(`/api/agent/${agent.id}/events`);
    events.addEventListener('screen-pop', (e) => setPop(JSON.parse((e as MessageEvent<string>).data) as ScreenPopEvent));
    return () => events.close();
  }, [agent]);

  if (!agent || !token) return <p>Connecting…</p>;

  return (
    <div className="workspace">
      <Softphone agent={agent} token={token} />
      {pop ? (
        <CallerCard
          callSid={pop.callSid}
          caller={{ phone: pop.phone, lineType: pop.lineType, customer: popCustomer ?? undefined }}
          onAccept={() => undefined}
        />
      ) : null}
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get('q');
          setManual(toE164(String(value ?? '')));
        }}
      >
        <input name="q" type="search" placeholder="Look up a number" />
        <button type="submit">Search</button>
      </form>
      {manualCustomer ? <pre className="lookup__result">{manualCustomer.crmId}</pre> : null}
      {pop ? (
        <div className="rating">
          {[1, 2, 3, 4, 5].map((score) => (
            <button key={score} type="button" onClick={() => trackCallRated(pop.callSid, score)}>
              {score}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
