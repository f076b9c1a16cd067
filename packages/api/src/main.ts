// `node packages/api/dist/main.js` (what `pnpm start` runs): the API server until SIGTERM/SIGINT.
import { formatProblem, InvalidInputError } from '@kolmap/core';
import { ListenError, startServer } from './server.js';

try {
  const server = await startServer();
  process.stdout.write(
    `kolmap is running at ${server.url} (API docs: ${server.url}/api/v1/docs)\n`,
  );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (error instanceof InvalidInputError) {
    process.stderr.write(
      `kolmap: bad configuration\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
    );
    process.exit(2);
  }
  if (error instanceof ListenError) {
    process.stderr.write(`kolmap: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
