#!/usr/bin/env node
import { runCli } from './run.js';

// exitCode instead of process.exit(): let stdout drain a large report before the process ends.
process.exitCode = await runCli(process.argv.slice(2));
