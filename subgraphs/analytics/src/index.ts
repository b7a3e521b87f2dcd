import { runSubgraphProcess } from '@travel/platform';
import { createAnalyticsServer } from './server.js';

await runSubgraphProcess('analytics', createAnalyticsServer);
