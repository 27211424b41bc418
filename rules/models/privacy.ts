import type { CallSinkModel } from '../types.js';
import { global, mod, mods, named } from './api.js';

const CRYPTO = ['crypto', 'node:crypto'];

/** Unkeyed hashes: PII here is "pseudonymised" reversibly (no-reversible-pii-hash). */
export const hashSinks: readonly CallSinkModel[] = [
  {
    id: 'node-hash',
    describe: 'unkeyed hash',
    category: 'hash',
    // `createHash('sha1').update(salt).update(ssn)`: every update feeds the same digest.
    calls: [...mods(CRYPTO, 'createHash().update'), ...mods(CRYPTO, 'createHash().update().update'), named('.', 'createHash().update'), named('.', 'createHash().update().update')],
    args: [0],
  },
  { id: 'web-crypto-digest', describe: 'Web Crypto digest', category: 'hash', calls: [named('^subtle$', 'digest'), global('crypto', 'subtle.digest')], args: [1] },
  {
    id: 'hash-libraries',
    describe: 'unkeyed hash',
    category: 'hash',
    calls: [
      mod('md5', ''),
      mod('js-md5', ''),
      mod('js-sha1', ''),
      mod('js-sha256', ''),
      mod('js-sha256', '{sha256,sha224}'),
      mod('js-sha512', '{sha512,sha384}'),
      mod('crypto-js', '{MD5,SHA1,SHA256,SHA512,SHA3}'),
      mod('crypto-js/md5', ''),
      mod('crypto-js/sha1', ''),
      mod('crypto-js/sha256', ''),
      mod('object-hash', ''),
      mod('object-hash', '{sha1,MD5,keys}'),
      named('^(md5|sha1|sha256|sha512|CryptoJS)$', ''),
      named('^CryptoJS$', '{MD5,SHA1,SHA256,SHA512}'),
    ],
    args: [0],
  },
];

/** URLs: PII in a path or query string (no-pii-in-url). The request body is deliberately not selected. */
export const urlSinks: readonly CallSinkModel[] = [
  { id: 'fetch', describe: 'fetch URL', category: 'url', calls: [global('fetch', ''), global('window', 'fetch'), mod('node-fetch', ''), mod('undici', '{fetch,request}')], args: [0] },
  {
    id: 'http-client',
    describe: 'HTTP request URL',
    category: 'url',
    calls: [mod('axios', ''), mod('axios', '{get,post,put,patch,delete,head,request}'), mod('axios', 'create().{get,post,put,patch,delete}'), mod('got', ''), mod('got', '{get,post,put,patch,delete}'), ...mods(['http', 'node:http', 'https', 'node:https'], '{request,get}'), mod('superagent', '{get,post,put,patch,delete}'), named('^(axios|http|httpClient|\\w*HttpClient|api|\\w*Api|superagent)$', '{get,post,put,patch,delete}')],
    args: [0],
  },
  { id: 'url', describe: 'URL', category: 'url', construct: true, calls: [global('URL', 'new()')], args: [0, 1] },
  { id: 'url-search-params', describe: 'URL query string', category: 'url', construct: true, calls: [global('URLSearchParams', 'new()')], args: [0] },
  { id: 'search-params-set', describe: 'URL query string', category: 'url', calls: [named('^(searchParams|params|query|qs|\\w*Params)$', '{set,append}')], args: [1] },
  { id: 'redirect', describe: 'redirect URL', category: 'url', calls: [named('^(res|response|reply|ctx|c)$', 'redirect'), named('^(router|navigate)$', '{push,replace}'), global('location', '{assign,replace}'), global('window', 'location.{assign,replace}'), global('window', 'open')], args: 'all' },
  { id: 'location-assignment', describe: 'window.location', category: 'url', assignment: true, calls: [global('location', 'href'), global('window', 'location.href'), global('window', 'location'), global('document', 'location.href')] },
];

/** Analytics, error tracking, marketing and AI SDKs (no-pii-to-third-party). */
export const thirdPartySinks: readonly CallSinkModel[] = [
  { id: 'segment', describe: 'Segment', category: 'third-party', calls: [mod('@segment/analytics-node', 'new Analytics().{identify,track,page,group,alias}'), mod('analytics-node', 'new().{identify,track,page,group}'), named('^(analytics|segment|\\w*Analytics)$', '{identify,track,page,group,alias}')] },
  { id: 'mixpanel', describe: 'Mixpanel', category: 'third-party', calls: [mod('mixpanel', 'init().{track,register,identify}'), mod('mixpanel', 'init().people.{set,set_once,append,union}'), named('^(mixpanel|\\w*Mixpanel)$', '{track,register,identify,alias}'), named('^people$', '{set,set_once,append,union}')] },
  { id: 'amplitude', describe: 'Amplitude', category: 'third-party', calls: [mod('@amplitude/analytics-browser', '{track,identify,setUserId,logEvent}'), mod('@amplitude/analytics-node', '{track,identify}'), named('^(amplitude|\\w*Amplitude)$', '{track,identify,setUserId,setUserProperties,logEvent}')] },
  { id: 'google-analytics', describe: 'Google Analytics', category: 'third-party', calls: [global('gtag', ''), global('window', 'gtag'), named('^ga$', '')], args: [1, 2] },
  { id: 'gtm-data-layer', describe: 'Google Tag Manager', category: 'third-party', calls: [named('^dataLayer$', 'push'), global('window', 'dataLayer.push')], args: [0] },
  {
    id: 'sentry',
    describe: 'Sentry',
    category: 'third-party',
    calls: [
      mod('@sentry/node', '{setUser,setExtra,setExtras,setContext,setTag,setTags,captureException,captureMessage,addBreadcrumb}'),
      mod('@sentry/browser', '{setUser,setExtra,setExtras,setContext,setTag,setTags,captureException,captureMessage,addBreadcrumb}'),
      mod('@sentry/react', '{setUser,setExtra,setContext,captureException,captureMessage}'),
      named('^(Sentry|scope|\\w*Scope)$', '{setUser,setExtra,setExtras,setContext,setTag,setTags,captureException,captureMessage,addBreadcrumb}'),
    ],
  },
  { id: 'datadog', describe: 'Datadog', category: 'third-party', calls: [mod('@datadog/browser-rum', 'datadogRum.{setUser,addAction,setGlobalContextProperty,addError,setUserProperty}'), named('^(datadogRum|DD_RUM|datadogLogs)$', '{setUser,addAction,setGlobalContextProperty,addError,setUserProperty}'), named('^(span|\\w*Span)$', '{setTag,addTags}')] },
  { id: 'bugsnag', describe: 'Bugsnag', category: 'third-party', calls: [named('^(Bugsnag|bugsnag|event)$', '{notify,addMetadata,setUser,leaveBreadcrumb}')] },
  {
    id: 'ai',
    describe: 'AI model',
    category: 'third-party',
    calls: [mod('openai', 'new OpenAI().chat.completions.create'), mod('openai', 'new OpenAI().responses.create'), mod('openai', 'new().chat.completions.create'), named('.', 'chat.completions.create'), named('.', 'responses.create'), named('^(anthropic|\\w*Anthropic|claude)$', 'messages.create'), named('.', 'generateContent')],
    args: [0],
  },
];
