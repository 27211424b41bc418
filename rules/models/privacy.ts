import type { CallSinkModel } from '../types.js';
import { global, mod, mods, named } from './api.js';

const CRYPTO = ['crypto', 'node:crypto'];

/** hash-wasm's unkeyed one-shot functions (blake2/blake3 left out: they take an optional key). */
const HASH_WASM_FUNCTIONS = 'md4,md5,sha1,sha224,sha256,sha384,sha512,sha3,keccak,ripemd160,sm3,whirlpool,xxhash32,xxhash64,xxhash3,xxhash128,crc32,crc32c,crc64,adler32';
const HASH_WASM_HASHERS = 'createMD4,createMD5,createSHA1,createSHA224,createSHA256,createSHA384,createSHA512,createSHA3,createKeccak,createRIPEMD160,createSM3,createWhirlpool,createXXHash32,createXXHash64,createXXHash3,createXXHash128,createCRC32';

/** @noble/hashes entry points (v1 per-algorithm modules, v2 `sha2`/`legacy` with and without `.js`). */
const NOBLE_HASH_MODULES = ['sha256', 'sha512', 'sha1', 'sha2', 'sha3', 'legacy', 'ripemd160'].flatMap((m) => [`@noble/hashes/${m}`, `@noble/hashes/${m}.js`]);
const NOBLE_HASH_FUNCTIONS = 'sha1,sha224,sha256,sha384,sha512,sha512_256,md5,ripemd160,sha3_224,sha3_256,sha3_384,sha3_512,keccak_256,keccak_512';

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
      // hash-wasm: one-shot functions, and hashers from create*() fed with update() (createHMAC is keyed).
      mod('hash-wasm', `{${HASH_WASM_FUNCTIONS}}`),
      mod('hash-wasm', `{${HASH_WASM_HASHERS}}().update`),
      mod('hash-wasm', `{${HASH_WASM_HASHERS}}().init().update`),
      // Non-cryptographic hashes: fast to enumerate over every phone number.
      mod('@node-rs/xxhash', '{xxh32,xxh64}'),
      mod('@node-rs/xxhash', 'xxh3.{xxh64,xxh128}'),
      mod('xxhashjs', '{h32,h64}'),
      named('^(xxhash32|xxhash64|xxhash3|xxhash128|xxh32|xxh64|xxh3|xxh128|murmurhash3?|murmurHash3?|fnv1a|cityhash64)$', ''),
      // @noble/hashes: `sha256(utf8ToBytes(x))`, `sha256.create().update(x)`.
      ...mods(NOBLE_HASH_MODULES, `{${NOBLE_HASH_FUNCTIONS}}`),
      ...mods(NOBLE_HASH_MODULES, `{${NOBLE_HASH_FUNCTIONS}}.create().update`),
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
    calls: [
      mod('axios', ''),
      mod('axios', '{get,post,put,patch,delete,head,request}'),
      mod('axios', 'create().{get,post,put,patch,delete}'),
      mod('got', ''),
      mod('got', '{get,post,put,patch,delete}'),
      mod('got', 'extend().{get,post,put,patch,delete,head}'),
      mod('ky', '{get,post,put,patch,delete,head}'),
      mod('ky', 'create().{get,post,put,patch,delete,head}'),
      mod('ky', 'extend().{get,post,put,patch,delete,head}'),
      // Clients held in a field declared by type (`private readonly http: AxiosInstance`) and set in the constructor.
      mod('axios', 'new AxiosInstance().{get,post,put,patch,delete,head,request}'),
      mod('got', 'new Got().{get,post,put,patch,delete,head}'),
      mod('ky', 'new KyInstance().{get,post,put,patch,delete,head}'),
      ...mods(['http', 'node:http', 'https', 'node:https'], '{request,get}'),
      mod('superagent', '{get,post,put,patch,delete}'),
      // By name where the client can't be traced to its module (`const { crmHttp } = require('../lib/clients')`).
      named('^(axios|http|httpClient|\\w*Http|\\w*HttpClient|api|\\w*Api|superagent)$', '{get,post,put,patch,delete}'),
    ],
    args: [0],
  },
  // ofetch and Nuxt's `$fetch`/`useFetch`, and their instances: `const api = ofetch.create({ baseURL })`, `api(path, { query })`.
  {
    id: 'ofetch',
    describe: 'HTTP request URL',
    category: 'url',
    calls: [
      mod('ofetch', '{ofetch,$fetch}'),
      mod('ofetch', '{ofetch,$fetch}.{raw,native}'),
      mod('ofetch', '{ofetch,$fetch}.create()'),
      mod('ofetch', '{ofetch,$fetch}.create().raw'),
      global('$fetch', ''),
      global('$fetch', 'raw'),
      global('$fetch', 'create()'),
      global('useFetch', ''),
      global('useLazyFetch', ''),
      ...mods(['#app', '#imports', 'nuxt/app'], '{useFetch,useLazyFetch}'),
    ],
    args: [0],
  },
  // A request function known only by its name (`api('/kyc/holders/…')` from a package piiguard can't read);
  // one whose body is in the program is checked inside instead.
  { id: 'fetch-wrapper', describe: 'HTTP request URL', category: 'url', calls: [named('^(api|\\$api|apiFetch|fetchApi|apiRequest|fetchJson)$', '')], args: [0] },
  { id: 'url', describe: 'URL', category: 'url', construct: true, calls: [global('URL', 'new()')], args: [0, 1] },
  { id: 'url-search-params', describe: 'URL query string', category: 'url', construct: true, calls: [global('URLSearchParams', 'new()')], args: [0] },
  { id: 'search-params-set', describe: 'URL query string', category: 'url', calls: [named('^(searchParams|params|query|qs|\\w*Params)$', '{set,append}')], args: [1] },
  { id: 'redirect', describe: 'redirect URL', category: 'url', calls: [named('^(res|response|reply|ctx|c)$', 'redirect'), named('^(router|navigate)$', '{push,replace}'), global('location', '{assign,replace}'), global('window', 'location.{assign,replace}'), global('window', 'open')], args: 'all' },
  { id: 'location-assignment', describe: 'window.location', category: 'url', assignment: true, calls: [global('location', 'href'), global('window', 'location.href'), global('window', 'location'), global('document', 'location.href')] },
];

const SENTRY_PACKAGES = ['node', 'browser', 'react', 'vue', 'angular', 'svelte', 'sveltekit', 'nextjs', 'nuxt', 'remix', 'astro', 'bun', 'deno', 'react-native', 'electron', 'aws-serverless', 'google-cloud-serverless', 'nestjs'].map((p) => `@sentry/${p}`);

const POSTHOG_METHODS = 'capture,identify,alias,group,groupIdentify,register,register_once,setPersonProperties,setPersonPropertiesForFlags';
const RUDDERSTACK_METHODS = 'track,identify,page,screen,group,alias';
const HEAP_METHODS = 'identify,addUserProperties,addEventProperties,track';
const FULLSTORY_METHODS = 'identify,setUserVars,event,identifyAccount';
const LOGROCKET_METHODS = 'identify,track,captureMessage,captureException';

/** LangChain packages whose classes (`new ChatOpenAI()`, `new OpenAIEmbeddings()`) call a hosted model. */
const LANGCHAIN_PACKAGES = ['openai', 'anthropic', 'google-genai', 'google-vertexai', 'mistralai', 'groq', 'aws', 'cohere', 'ollama', 'deepseek', 'xai', 'community/chat_models/openai', 'community/chat_models/bedrock'].map((p) => `@langchain/${p}`);
const LANGCHAIN_CALLS = '{invoke,stream,batch,call,predict,embedQuery,embedDocuments}';

/** Analytics, error tracking, marketing and AI SDKs (no-pii-to-third-party). */
export const thirdPartySinks: readonly CallSinkModel[] = [
  {
    id: 'posthog',
    describe: 'PostHog',
    category: 'third-party',
    calls: [
      mod('posthog-node', `new PostHog().{${POSTHOG_METHODS}}`),
      mod('posthog-js', `{${POSTHOG_METHODS}}`),
      mod('posthog-js', 'people.{set,set_once}'),
      mod('posthog-react-native', `new PostHog().{${POSTHOG_METHODS}}`),
      named('^(posthog|postHog|\\w*PostHog|\\w*Posthog)$', `{${POSTHOG_METHODS}}`),
      named('^(posthog|postHog|\\w*PostHog|\\w*Posthog)$', 'people.{set,set_once}'),
    ],
  },
  {
    id: 'rudderstack',
    describe: 'RudderStack',
    category: 'third-party',
    calls: [
      mod('@rudderstack/rudder-sdk-node', `new().{${RUDDERSTACK_METHODS}}`),
      mod('@rudderstack/analytics-js', `new RudderAnalytics().{${RUDDERSTACK_METHODS}}`),
      mod('rudder-sdk-js', `{${RUDDERSTACK_METHODS}}`),
      global('rudderanalytics', `{${RUDDERSTACK_METHODS}}`),
      global('window', `rudderanalytics.{${RUDDERSTACK_METHODS}}`),
      named('^(rudderanalytics|rudderAnalytics|rudder|rudderClient|\\w*Rudder|\\w*RudderAnalytics)$', `{${RUDDERSTACK_METHODS}}`),
    ],
  },
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
      ...mods(SENTRY_PACKAGES, '{setUser,setExtra,setExtras,setContext,setTag,setTags,captureException,captureMessage,addBreadcrumb}'),
      ...mods(SENTRY_PACKAGES, '{getCurrentScope,getIsolationScope,getGlobalScope}().{setUser,setExtra,setExtras,setContext,setTag,setTags,addBreadcrumb}'),
      named('^(Sentry|scope|\\w*Scope)$', '{setUser,setExtra,setExtras,setContext,setTag,setTags,captureException,captureMessage,addBreadcrumb}'),
    ],
  },
  { id: 'datadog', describe: 'Datadog', category: 'third-party', calls: [mod('@datadog/browser-rum', 'datadogRum.{setUser,addAction,setGlobalContextProperty,addError,setUserProperty}'), named('^(datadogRum|DD_RUM|datadogLogs)$', '{setUser,addAction,setGlobalContextProperty,addError,setUserProperty}'), named('^(span|\\w*Span)$', '{setTag,addTags}')] },
  {
    id: 'customer-io',
    describe: 'Customer.io',
    category: 'third-party',
    calls: [mod('customerio-node', 'new TrackClient().{identify,track,trackAnonymous,trackPageView}'), named('^(cio|_cio|customerio|customerIo|\\w*Cio|\\w*CustomerIo)$', '{identify,track,trackAnonymous,trackPageView,page}')],
  },
  {
    id: 'braze',
    describe: 'Braze',
    category: 'third-party',
    calls: [
      mod('@braze/web-sdk', '{changeUser,logCustomEvent,logPurchase}'),
      mod('@braze/web-sdk', 'getUser().{setEmail,setPhoneNumber,setFirstName,setLastName,setCustomUserAttribute,addAlias}'),
      named('^(braze|appboy)$', '{changeUser,logCustomEvent,logPurchase}'),
      named('^(braze|appboy)$', 'getUser().{setEmail,setPhoneNumber,setFirstName,setLastName,setCustomUserAttribute,addAlias}'),
    ],
  },
  { id: 'bugsnag', describe: 'Bugsnag', category: 'third-party', calls: [named('^(Bugsnag|bugsnag|event)$', '{notify,addMetadata,setUser,leaveBreadcrumb}')] },
  // Matomo's command queue: `_paq.push(['setUserId', email])`, `_paq.push(['trackEvent', category, action, name])`.
  { id: 'matomo', describe: 'Matomo', category: 'third-party', calls: [global('_paq', 'push'), global('window', '_paq.push'), named('^_paq$', 'push'), mod('matomo-tracker', 'new().track')] },
  // Hotjar's command function: `hj('identify', userId, { email })`; the command name is not data.
  { id: 'hotjar', describe: 'Hotjar', category: 'third-party', calls: [global('hj', ''), global('window', 'hj'), named('^hj$', '')], args: [1, 2] },
  { id: 'hotjar-browser', describe: 'Hotjar', category: 'third-party', calls: [mod('@hotjar/browser', '{identify,event}'), named('^Hotjar$', '{identify,event}')] },
  { id: 'logrocket', describe: 'LogRocket', category: 'third-party', calls: [mod('logrocket', `{${LOGROCKET_METHODS}}`), named('^(LogRocket|logRocket|logrocket)$', `{${LOGROCKET_METHODS}}`)] },
  { id: 'heap', describe: 'Heap', category: 'third-party', calls: [global('heap', `{${HEAP_METHODS}}`), global('window', `heap.{${HEAP_METHODS}}`), named('^(heap|Heap)$', `{${HEAP_METHODS}}`)] },
  {
    id: 'fullstory',
    describe: 'FullStory',
    category: 'third-party',
    calls: [mod('@fullstory/browser', `{${FULLSTORY_METHODS}}`), global('FS', `{${FULLSTORY_METHODS}}`), global('window', `FS.{${FULLSTORY_METHODS}}`), named('^(FS|FullStory|fullstory)$', `{${FULLSTORY_METHODS}}`)],
  },
  // FullStory's v2 API is one function: `FullStory('setIdentity', { uid, properties })`.
  { id: 'fullstory-api', describe: 'FullStory', category: 'third-party', calls: [mod('@fullstory/browser', 'FullStory'), global('FS', ''), global('window', 'FS'), named('^(FS|FullStory)$', '')], args: [1] },
  {
    id: 'ai',
    describe: 'AI model',
    category: 'third-party',
    calls: [
      mod('openai', '{new OpenAI(),new AzureOpenAI(),new()}.{chat.completions.create,responses.create,completions.create,embeddings.create,beta.chat.completions.parse}'),
      mod('@anthropic-ai/sdk', '{new Anthropic(),new()}.messages.create'),
      mod('@google/generative-ai', 'new GoogleGenerativeAI().getGenerativeModel().{generateContent,generateContentStream,embedContent}'),
      mod('@google/generative-ai', 'new GoogleGenerativeAI().getGenerativeModel().startChat().{sendMessage,sendMessageStream}'),
      mod('@google/genai', 'new GoogleGenAI().models.{generateContent,generateContentStream,embedContent}'),
      mod('@mistralai/mistralai', 'new Mistral().chat.{complete,stream}'),
      // Vercel AI SDK: `generateText({ model, prompt })`.
      mod('ai', '{generateText,streamText,generateObject,streamObject,embed,embedMany}'),
      // LangChain: `new ChatOpenAI().invoke([new HumanMessage(text)])`, also behind `withStructuredOutput()`/`bind()`.
      ...mods(LANGCHAIN_PACKAGES, `*.new().${LANGCHAIN_CALLS}`),
      ...mods(LANGCHAIN_PACKAGES, `*.new().{withStructuredOutput,bind,bindTools,withConfig,withRetry}().${LANGCHAIN_CALLS}`),
      named('.', 'chat.completions.create'),
      named('.', 'responses.create'),
      named('^(anthropic|\\w*Anthropic|claude)$', 'messages.create'),
      named('.', '{generateContent,generateContentStream}'),
      named('^(llm|\\w*Llm|\\w*LLM|chatModel|\\w*ChatModel)$', '{invoke,stream,batch}'),
    ],
    args: [0],
  },
  // Azure's own SDK takes the deployment first: `client.getChatCompletions(deployment, messages)`.
  { id: 'azure-openai', describe: 'AI model', category: 'third-party', calls: [mod('@azure/openai', 'new OpenAIClient().{getChatCompletions,streamChatCompletions,getCompletions,getEmbeddings}')], args: [1] },
];

/**
 * REST APIs of analytics, marketing and AI vendors, by host: a request whose URL, or whose client's
 * `baseURL`/`prefixUrl`, names one of these hosts sends its body to that vendor (no-pii-to-third-party).
 * For vendors without an official server SDK, such as Braze's `/users/track`, the host is the only sign.
 */
export const thirdPartyApiHosts: readonly { describe: string; host: string }[] = [
  { describe: 'Braze', host: '^rest\\.[a-z0-9-]+\\.braze\\.(com|eu)$' },
  { describe: 'Segment', host: '^(api\\.segment\\.io|events\\.eu1\\.segmentapis\\.com)$' },
  { describe: 'Mixpanel', host: '^api(-eu|-in)?\\.mixpanel\\.com$' },
  { describe: 'Amplitude', host: '^(api2?|api\\.eu)\\.amplitude\\.com$' },
  { describe: 'Customer.io', host: '^(track|api)(-eu)?\\.customer\\.io$' },
  { describe: 'Google Analytics', host: '^(www|region1)\\.google-analytics\\.com$' },
  { describe: 'Meta Conversions API', host: '^graph\\.facebook\\.com$' },
  { describe: 'HubSpot', host: '^api\\.hubapi\\.com$' },
  { describe: 'Klaviyo', host: '^a\\.klaviyo\\.com$' },
  { describe: 'Intercom', host: '^api(\\.eu|\\.au)?\\.intercom\\.io$' },
  { describe: 'Iterable', host: '^api(\\.eu)?\\.iterable\\.com$' },
  { describe: 'OpenAI', host: '^api\\.openai\\.com$' },
  { describe: 'Anthropic', host: '^api\\.anthropic\\.com$' },
];
