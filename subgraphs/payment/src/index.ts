import { runSubgraphProcess } from '@travel/platform';
import { createPaymentServer } from './server.js';

await runSubgraphProcess('payment', createPaymentServer);
