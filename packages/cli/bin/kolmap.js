#!/usr/bin/env node
// The `kolmap` command: runs the CLI as built (pnpm build); see src/main.ts.
import '../dist/main.js';
