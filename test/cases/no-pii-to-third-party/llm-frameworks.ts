// After-call work done by hosted models: LangChain for the ID check, Gemini for summaries, Azure OpenAI for
// triage, the Vercel AI SDK for reply drafts. Whatever goes into a prompt is sent to the model's vendor.
import { ChatOpenAI } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { AzureOpenAI } from 'openai';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import * as Sentry from '@sentry/vue';
import { redactTranscript } from '@acme/pii';

interface Caller {
  id: string;
  phone: string;
  email: string;
  passportNumber: string;
  language: string;
}

interface CallTranscript {
  callSid: string;
  text: string;
  caller: Caller;
}

const verifier = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });
const reviewer = new ChatAnthropic({ model: 'claude-3-5-haiku-latest' });
const gemini = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? '').getGenerativeModel({ model: 'gemini-1.5-flash' });
const azure = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21', deployment: 'triage' });

export async function callerReadOutPassport(call: CallTranscript): Promise<boolean> {
  const reply = await verifier.invoke([new SystemMessage('Answer YES or NO.'), new HumanMessage(`Passport on file: ${call.caller.passportNumber}. Transcript: ${call.text}`)]); // $ Alert[no-pii-to-third-party]
  return String(reply.content).startsWith('YES');
}

export async function detectLanguage(call: CallTranscript): Promise<string> {
  const reply = await verifier.invoke([new SystemMessage('Reply with an ISO 639-1 code.'), new HumanMessage(redactTranscript(call.text))]); // safe: redacted transcript
  return String(reply.content).trim();
}

export async function reviewTone(call: CallTranscript): Promise<string> {
  const reply = await reviewer.invoke(`Rate the agent's tone from 1 to 5. Caller ${call.caller.email} said: ${redactTranscript(call.text)}`); // $ Alert[no-pii-to-third-party]
  const second = await reviewer.invoke(`Rate the agent's tone from 1 to 5: ${redactTranscript(call.text)}`); // safe: redacted transcript
  return `${String(reply.content)} ${String(second.content)}`;
}

export async function summarise(call: CallTranscript): Promise<string> {
  const withNumber = await gemini.generateContent(`Summarise for the CRM and put the caller's number ${call.caller.phone} first.\n${redactTranscript(call.text)}`); // $ Alert[no-pii-to-third-party]
  const plain = await gemini.generateContent(`Summarise for the CRM:\n${redactTranscript(call.text)}`); // safe: redacted transcript
  return withNumber.response.text() + plain.response.text();
}

export async function triage(call: CallTranscript): Promise<string> {
  const completion = await azure.chat.completions.create({ model: '', messages: [{ role: 'user', content: `Caller ${call.caller.phone}: ${call.text}` }] }); // $ Alert[no-pii-to-third-party]
  const safer = await azure.chat.completions.create({ model: '', messages: [{ role: 'user', content: redactTranscript(call.text) }] }); // safe: redacted transcript
  return (completion.choices[0]?.message.content ?? '') + (safer.choices[0]?.message.content ?? '');
}

export async function draftReply(call: CallTranscript): Promise<string> {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Write a follow-up email to ${call.caller.email} about: ${redactTranscript(call.text)}` }); // $ Alert[no-pii-to-third-party]
  const generic = await generateText({ model: openai('gpt-4o-mini'), prompt: `Write a follow-up email in ${call.caller.language} about: ${redactTranscript(call.text)}` }); // safe: language code and redacted text
  return text + generic.text;
}

export function recordModelFailure(call: CallTranscript, error: unknown): void {
  Sentry.addBreadcrumb({ category: 'llm', message: `summary failed for ${call.caller.phone}` }); // $ Alert[no-pii-to-third-party]
  Sentry.addBreadcrumb({ category: 'llm', message: `summary failed for call ${call.callSid}` }); // safe: a call SID
  Sentry.setContext('caller', { id: call.caller.id, email: call.caller.email }); // $ Alert[no-pii-to-third-party]
  Sentry.setContext('caller', { id: call.caller.id, language: call.caller.language }); // safe: id and language
  Sentry.captureException(error);
}
