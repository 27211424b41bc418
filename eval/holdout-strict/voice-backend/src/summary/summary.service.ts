import { Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { redact, redactTranscript } from '../common/mask';
import { NEW_IVR_CUTOVER_MS } from '../config/telephony.config';
import type { CallerProfile, KycSubmission, Transcript } from '../common/types';

export interface CallSummary {
  bullets: string[];
  disposition: 'resolved' | 'follow_up' | 'escalated';
}

const SYSTEM_PROMPT = 'You summarise customer-service phone calls for the agent who took them. Be factual and brief. Never invent account details.';
const LEGACY_SYSTEM_PROMPT = 'Summarise the call.';
const INTENTS = ['billing', 'technical', 'cancel', 'moving_home', 'other'] as const;

@Injectable()
export class SummaryService {
  private readonly openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  private readonly anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

  async summarise(transcript: Transcript, caller: CallerProfile): Promise<CallSummary> {
    const system = transcript.startedAt >= NEW_IVR_CUTOVER_MS ? SYSTEM_PROMPT : LEGACY_SYSTEM_PROMPT;
    const prompt = [
      'Summarise this call in at most three bullet points, then give a disposition on its own line: resolved, follow_up or escalated.',
      `Customer segment: ${caller.segment}. VIP: ${caller.vip ? 'yes' : 'no'}.`,
      '',
      redactTranscript(transcript),
    ].join('\n');
    const completion = await this.openai.chat.completions.create({ model: 'gpt-4o-mini', temperature: 0.2, messages: [{ role: 'system', content: system }, { role: 'user', content: prompt }] }); // safe: no-pii-to-third-party — transcript redacted, only segment/VIP flags added
    const text = completion.choices[0]?.message.content ?? '';
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const last = lines.at(-1) ?? '';
    const disposition = (['resolved', 'follow_up', 'escalated'] as const).find((d) => last.includes(d)) ?? 'follow_up';
    return { bullets: lines.slice(0, -1).map((l) => l.replace(/^[-*•]\s*/, '')), disposition };
  }

  /** First utterance after the greeting decides which queue the call goes to. */
  async classifyIntent(callerId: string, firstUtterance: string): Promise<(typeof INTENTS)[number]> {
    const res = await this.openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: `Caller ${callerId} said: "${firstUtterance}". Answer with one of: ${INTENTS.join(', ')}.` }] }); // expect: no-pii-to-third-party
    const answer = res.choices[0]?.message.content?.trim() ?? 'other';
    return (INTENTS as readonly string[]).includes(answer) ? (answer as (typeof INTENTS)[number]) : 'other';
  }

  async draftFollowUpEmail(caller: CallerProfile, summary: CallSummary): Promise<string> {
    const msg = await this.anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 600, messages: [{ role: 'user', content: `Write a short, friendly follow-up email to ${caller.email} covering:\n${summary.bullets.join('\n')}` }] }); // expect: no-pii-to-third-party
    const block = msg.content[0];
    return block && block.type === 'text' ? block.text : '';
  }

  /** Agents paste the ID&V details; the model checks them against the typed form for typos. */
  async checkKycForm(kyc: KycSubmission, spokenDetails: string): Promise<string> {
    const res = await this.openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Compare the form with what the customer said and list mismatches.' }, { role: 'user', content: JSON.stringify({ form: { nationalId: kyc.nationalId, dateOfBirth: kyc.dateOfBirth }, spoken: spokenDetails }) }] }); // expect: no-pii-to-third-party
    return res.choices[0]?.message.content ?? '';
  }

  async embedForSearch(summary: CallSummary): Promise<number[]> {
    const res = await this.openai.embeddings.create({ model: 'text-embedding-3-small', input: redact(summary.bullets.join(' ')) }); // safe: no-pii-to-third-party — redacted summary text
    return res.data[0]?.embedding ?? [];
  }
}
