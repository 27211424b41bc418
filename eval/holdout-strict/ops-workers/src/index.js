'use strict';

require('dd-trace').init({ service: 'ops-workers', logInjection: false });

const workers = ['lead-dedupe', 'callback-dispatcher', 'nps-survey', 'payment-reconcile', 'transcript-summarizer'];
const only = process.env.WORKERS ? process.env.WORKERS.split(',') : workers;

for (const name of only) {
  if (!workers.includes(name)) {
    console.error(`Unknown worker "${name}". Known workers: ${workers.join(', ')}`);
    process.exit(2);
  }
  require(`./workers/${name}`);
  console.log(`worker ${name} started`);
}
