// Entry point of the `kolmap` command (bin/kolmap.js runs its build); see program.ts for the commands.
import { main } from './program.js';

process.exitCode = await main(process.argv);
