/**
 * The shape of piiguard's knowledge: PII kinds, rule metadata, and the framework models
 * (sources, sinks, sanitizers, consent checks). Everything under rules/ is data of these
 * types; the engine in src/ interprets it. User configuration extends the same shapes.
 */

export type PiiKind =
  | 'phone'
  | 'national-id'
  | 'email'
  | 'payment-card'
  | 'call-recording'
  | 'caller-name';

export const PII_KINDS: readonly PiiKind[] = [
  'phone',
  'national-id',
  'email',
  'payment-card',
  'call-recording',
  'caller-name',
];

/** Human label of each kind, used at the start of messages ("Phone number from …"). */
export const PII_KIND_LABELS: Readonly<Record<PiiKind, string>> = {
  phone: 'Phone number',
  'national-id': 'National ID',
  email: 'Email address',
  'payment-card': 'Payment card number',
  'call-recording': 'Call recording',
  'caller-name': 'Caller name',
};

export type RuleId =
  | 'no-pii-in-logs'
  | 'no-plaintext-pii-storage'
  | 'require-consent-check'
  | 'no-plaintext-transport'
  | 'no-hardcoded-pii'
  | 'no-reversible-pii-hash'
  | 'no-pii-in-url'
  | 'no-pii-to-third-party'
  | 'no-invalid-suppression';

/** SARIF levels; also the order used by --fail-on. */
export type Severity = 'error' | 'warning' | 'note';

export type Preset = 'recommended' | 'strict';

export interface RuleMeta {
  id: RuleId;
  /** One line, imperative, shown in rule lists and SARIF shortDescription. */
  description: string;
  severity: Severity;
  /** 0.0–10.0, GitHub code scanning's security-severity. */
  securitySeverity: number;
  precision: 'very-high' | 'high' | 'medium' | 'low';
  piiKinds: readonly PiiKind[];
  /** Only where the regulation really applies, e.g. 'GDPR Art. 32'. */
  regulations: readonly string[];
  cwe: readonly string[];
  presets: readonly Preset[];
  /** Second beat of every message: why it matters. */
  why: string;
  /** Third beat of every message: what to do. */
  fix: string;
}

/**
 * Names something reachable from code: an import of a package, a global, or — as a
 * heuristic when the receiver can't be resolved — the name of the receiver.
 *
 * `path` is a small access-path language, steps separated by '.':
 *   name          member access            `calls`
 *   name()        member, then call        `createLogger()`
 *   new name()    member, then construct   `new Logger()`
 *   ()            call the current value   `()` (e.g. `pino()` for a default import)
 *   new()         construct current value
 *   {a,b,c}       any of these members     `{info,warn,error}`, `{a,b}()` also works
 *   *             any one member
 * The empty path is the root itself.
 */
export type ApiRoot =
  | { module: string }
  | { global: string }
  | { receiverName: string }; // regular expression source, matched against the receiver's last name

export interface ApiRef {
  root: ApiRoot;
  path: string;
}

/** Which arguments of a call carry the data a sink cares about. */
export type ArgSelector = 'all' | readonly number[];

export type SinkCategory = 'log' | 'storage' | 'hash' | 'url' | 'third-party';

export interface CallSinkModel {
  id: string;
  /** How messages name the sink when the call text isn't enough, e.g. 'winston logger'. */
  describe: string;
  category: SinkCategory;
  calls: readonly ApiRef[];
  args?: ArgSelector;
  /** Sink applies to `new X(...)` instead of calls. */
  construct?: boolean;
  /**
   * For storage writes carrying objects: property paths inside the first selected
   * argument that hold the written values (e.g. ['data'] for Prisma, ['Item'] for DynamoDB).
   */
  payloadProperties?: readonly string[];
  /** Options that make this write safe when present in any argument object (e.g. S3 ServerSideEncryption). */
  safeWhenOption?: readonly string[];
  /** Only data of these kinds counts at this sink (default: the rule's kinds). */
  kinds?: readonly PiiKind[];
  /** Schema models (ids) that declare what this ORM writes: a field declared there is judged at the schema. */
  schemas?: readonly string[];
  /** The selected arguments are callbacks whose return value reaches the sink (morgan tokens). */
  callbackReturn?: boolean;
  /** The sink is an assignment to the matched property (`document.cookie = …`). */
  assignment?: boolean;
  /** First argument is SQL: only INSERT/UPDATE/REPLACE/MERGE statements write; later arguments are parameters. */
  sql?: boolean;
  /** Also matches tagged templates whose tag matches (sql`INSERT … ${phone}`). */
  taggedTemplate?: boolean;
  /**
   * Payload whose object names hint at sensitive content even without a tainted value:
   * e.g. an S3 Key matching /recordings\/|\.wav$/ makes the Body a call recording.
   */
  contentHint?: { properties: readonly string[]; pattern: string; kind: PiiKind };
}

/** Where a dialled number sits in the call: argument index and optional property path. */
export interface DestinationSelector {
  arg?: number;
  property?: readonly string[];
  /**
   * The number was given when the receiver was built: `inviter.invite()` where
   * `inviter = new Inviter(ua, target)` (followed through variables and factory functions).
   */
  construction?: { classPattern: string; arg: number };
  /** The numbers are the keys of the selected object (Pinpoint `Addresses: { [phone]: { ChannelType: 'SMS' } }`). */
  keys?: boolean;
}

export interface DialSinkModel {
  id: string;
  describe: string;
  /** 'call' | 'sms' — used in messages ("places a call to", "sends an SMS to"). */
  channel: 'call' | 'sms' | 'message';
  calls: readonly ApiRef[];
  construct?: boolean;
  destination: readonly DestinationSelector[];
  /** For string commands (AMI/ESL): the call only dials when this argument text matches (regex source). */
  commandPattern?: { arg: number; pattern: string; property?: readonly string[] };
}

export interface SourceModel {
  id: string;
  /** Used in messages: "Phone number from <describe>". */
  describe: string;
  kind: PiiKind;
  /** `<object>.<property>`: object is matched as text of the access chain by regular expression. */
  access?: { object: string; properties: readonly string[] };
  /** `<receiver>.<method>('<arg>')`; an empty `firstArg` list accepts any argument. */
  call?: { methods: readonly string[]; firstArg: readonly string[] };
  /** Only inside telephony code (a file importing a telephony SDK, or a telephony webhook route). */
  telephonyOnly?: boolean;
}

export type SanitizerPurpose = 'mask' | 'encrypt';

export interface SanitizerModel {
  id: string;
  purpose: SanitizerPurpose;
  /** Regular expression sources matched against the called function's (or method's) name. */
  names?: readonly string[];
  calls?: readonly ApiRef[];
}

export interface ConsentModel {
  /** Regular expression sources matched against called function names and checked property names. */
  functionNames: readonly string[];
  propertyNames: readonly string[];
  /**
   * Properties of a permission answer (`verdict.allowed`): a check when the answer comes from a call given
   * the dialled number (`const verdict = await checkNumber(to); if (!verdict.allowed) return;`).
   */
  verdictPropertyNames: readonly string[];
  calls?: readonly ApiRef[];
}

/** A compound PII term: words in order, e.g. ['phone','number'] or ['msisdn']. */
export interface PiiTerm {
  kind: PiiKind;
  words: readonly string[];
  /** Only counts in telephony contexts (from/to). */
  telephonyOnly?: boolean;
  /** Only counts when it is the whole name (e.g. 'cell'). */
  wholeNameOnly?: boolean;
}

export interface PiiNameKnowledge {
  terms: readonly PiiTerm[];
  /** Words that may follow a term and keep the name PII (phoneE164, phoneRaw, phoneNumbers). */
  preservingSuffixes: readonly string[];
  /** Words anywhere in the name that make it not PII (model, verified, count, hash, mask, sid …). */
  nonPiiWords: readonly string[];
  /** First words that make a flag or a count (is, has, num …). */
  nonPiiPrefixes: readonly string[];
}

export interface PiiTypeModel {
  /** Type or interface names that denote PII (PhoneNumber, E164, Msisdn, NationalId). */
  names: Readonly<Record<string, PiiKind>>;
  /** Types from packages: libphonenumber-js PhoneNumber. */
  packages: readonly { module: string; name: string; kind: PiiKind }[];
  /**
   * Last words of a value's name that make it a scalar — an id, a count, a length, a status, a time —
   * and so never a record carrying PII: its declared type is not looked up (`row.id`, `rows.length`).
   */
  scalarWords: readonly string[];
}

export interface TelephonyContextModel {
  /** Importing one of these makes a file telephony code. */
  modules: readonly string[];
  /** A route path (app.post('/voice/inbound', …)) matching this makes its handler telephony code. */
  routePattern: string;
}

export interface TransportModel {
  /** Hosts for which plaintext is fine (loopback, reserved documentation names). */
  safeHostPatterns: readonly string[];
  /** URL schemes that are plaintext, with the secure scheme that replaces them. */
  plaintextSchemes: readonly { scheme: string; secure: string; describe: string }[];
  /** Calls whose URL-ish argument is an outgoing request. */
  urlCalls: readonly { calls: readonly ApiRef[]; args: readonly number[]; construct?: boolean; describe: string }[];
  /** Object properties whose string value is a URL that receives data (callbacks, webhooks, endpoints). */
  urlProperties: string;
  /** Object properties that turn off TLS or SRTP when set to one of `offValues`. */
  insecureOptions: readonly {
    properties: readonly string[];
    offValues: readonly (string | boolean | number)[];
    describe: string;
    /** Needs a sibling property matching this regex source to count (keeps `ssl: false` in a UI config silent). */
    requiresSibling?: string;
  }[];
  /** TLS versions below 1.2 by option value. */
  weakTlsValues: readonly string[];
  weakTlsProperties: readonly string[];
  /** SIP transports that are plaintext. */
  sipPlainTransports: readonly string[];
}

/**
 * A schema that declares stored fields: ORM column decorators or field maps passed to a call.
 * A PII-named field without one of `safeFieldOptions` is plaintext storage.
 */
export interface SchemaModel {
  id: string;
  describe: string;
  /** `@Column() phone: string` — decorator names on class properties. */
  decorators?: readonly string[];
  /** `define('Lead', { phone: … })`, `new Schema({ phone: … })`, `pgTable('leads', { phone: text() })`. */
  calls?: readonly ApiRef[];
  construct?: boolean;
  fieldsArg?: number;
  /** Field options that mean the value is encrypted on write (transformer, set, encrypt). */
  safeFieldOptions: readonly string[];
  /** Field initializers (column builders) that are encrypted custom types, by name regex source. */
  safeFieldBuilders?: string;
  /** `schema.plugin(fieldEncryption, { fields: ['phone'] })`: option names listing encrypted fields. */
  pluginFieldOptions?: readonly string[];
}

export interface PropagatorModel {
  /** Functions whose result carries the taint of their arguments (CSV serialisers, formatters). */
  calls: readonly ApiRef[];
  names: readonly string[];
}

export interface Knowledge {
  names: PiiNameKnowledge;
  types: PiiTypeModel;
  telephony: TelephonyContextModel;
  sources: readonly SourceModel[];
  logSinks: readonly CallSinkModel[];
  storageSinks: readonly CallSinkModel[];
  hashSinks: readonly CallSinkModel[];
  urlSinks: readonly CallSinkModel[];
  thirdPartySinks: readonly CallSinkModel[];
  schemas: readonly SchemaModel[];
  propagators: PropagatorModel;
  dialSinks: readonly DialSinkModel[];
  sanitizers: readonly SanitizerModel[];
  consent: ConsentModel;
  transport: TransportModel;
}
