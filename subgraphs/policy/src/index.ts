import { runSubgraphProcess } from '@travel/platform';
import { createPolicyServer } from './server.js';

await runSubgraphProcess('policy', createPolicyServer);
