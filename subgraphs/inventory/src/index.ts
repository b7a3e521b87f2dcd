import { runSubgraphProcess } from '@travel/platform';
import { createInventoryServer } from './server.js';

await runSubgraphProcess('inventory', createInventoryServer);
