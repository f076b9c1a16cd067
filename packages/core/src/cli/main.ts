#!/usr/bin/env node
// Entry point of the `kolmap` command; see program.ts for the commands.
import { main } from './program.js';

process.exitCode = await main(process.argv);
