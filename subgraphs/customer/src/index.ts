import { runSubgraphProcess } from '@travel/platform';
import { createCustomerServer } from './server.js';

await runSubgraphProcess('customer', createCustomerServer);
