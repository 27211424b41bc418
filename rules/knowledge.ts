import { logSinks } from './models/logging.js';
import { hashSinks, thirdPartySinks, urlSinks } from './models/privacy.js';
import { propagators, sanitizers } from './models/sanitizers.js';
import { schemas, storageSinks } from './models/storage.js';
import { consent, dialSinks, sources, telephonyContext } from './models/telephony.js';
import { transport } from './models/transport.js';
import { piiNames } from './pii/names.js';
import { piiTypes } from './pii/types.js';
import type { Knowledge } from './types.js';

/** Everything piiguard knows out of the box; configuration extends it. */
export const defaultKnowledge: Knowledge = {
  names: piiNames,
  types: piiTypes,
  telephony: telephonyContext,
  sources,
  logSinks,
  storageSinks,
  hashSinks,
  urlSinks,
  thirdPartySinks,
  schemas,
  propagators,
  dialSinks,
  sanitizers,
  consent,
  transport,
};
