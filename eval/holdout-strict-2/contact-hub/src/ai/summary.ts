import { GoogleGenerativeAI } from '@google/generative-ai';
import { AzureOpenAI } from 'openai';
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { env } from '../env';
import { redactTranscript } from '../privacy/mask';
import type { Customer, E164, Market } from '../types';

const gemini = new GoogleGenerativeAI(env.GEMINI_API_KEY).getGenerativeModel({ model: 'gemini-1.5-flash' });
const azure = new AzureOpenAI({ endpoint: env.AZURE_OPENAI_ENDPOINT, apiKey: env.AZURE_OPENAI_KEY, apiVersion: '2024-10-21', deployment: 'gpt-4o-mini-eu' });
const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });

export interface CallForSummary {
  callUuid: string;
  market: Market;
  language: string;
  transcript: string;
  callerNumber: E164;
  customer: Customer | null;
}

export async function summariseCall(call: CallForSummary): Promise<string> {
  const prompt = `Summarise this ${call.language} contact-center call in three bullet points for the CRM note.\n\n${redactTranscript(call.transcript)}`;
  const result = await gemini.generateContent(prompt); // safe: no-pii-to-third-party — redacted transcript only
  return result.response.text();
}

/** CN client asked for the caller's number in the note so agents can call back from the CRM card. */
export async function summariseForCnClient(call: CallForSummary): Promise<string> {
  const prompt = `请用三条要点总结以下客服通话，并在第一行注明来电号码：${call.callerNumber}\n\n${redactTranscript(call.transcript)}`;
  const result = await gemini.generateContent(prompt); // expect: no-pii-to-third-party
  return result.response.text();
}

export async function classifyComplaint(call: CallForSummary): Promise<string> {
  const completion = await azure.chat.completions.create({ model: '', temperature: 0, messages: [{ role: 'system', content: 'Classify the complaint as billing, delivery, quality, staff or other. One word.' }, { role: 'user', content: redactTranscript(call.transcript) }] }); // safe: no-pii-to-third-party — redacted transcript
  return completion.choices[0]?.message.content?.trim() ?? 'other';
}

export async function draftFollowUpEmail(customer: Customer, summary: string): Promise<string> {
  const completion = await azure.chat.completions.create({ model: '', messages: [{ role: 'user', content: `Write a short, polite follow-up email to ${customer.email} (locale ${customer.locale}) about this call: ${summary}` }] }); // expect: no-pii-to-third-party
  return completion.choices[0]?.message.content ?? '';
}

/** Did the caller read out the document number we hold? (RU/KZ identity check on sensitive changes.) */
export async function callerConfirmedId(idNumber: string, transcript: string): Promise<boolean> {
  const reply = await llm.invoke([new SystemMessage('Answer YES or NO only.'), new HumanMessage(`Document number on file: ${idNumber}. Did the caller state this number? Transcript:\n${transcript}`)]); // expect: no-pii-to-third-party
  return String(reply.content).trim().toUpperCase().startsWith('YES');
}

export async function detectLanguage(text: string): Promise<string> {
  const reply = await llm.invoke([new SystemMessage('Reply with the ISO 639-1 code of the language only.'), new HumanMessage(redactTranscript(text).slice(0, 2000))]); // safe: no-pii-to-third-party — redacted text
  return String(reply.content).trim().toLowerCase();
}
