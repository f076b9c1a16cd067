// Worker thread of sampled betweenness: computes the pivot batches the main thread posts (see
// pivot-batches.ts), started from the build's .js or, from the TypeScript sources, through tsx.
import { workerData } from 'node:worker_threads';
import { type BetweennessWorkerData, serveBatches } from './pivot-batches.js';

serveBatches(workerData as BetweennessWorkerData);
