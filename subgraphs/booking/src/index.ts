import { runSubgraphProcess } from '@travel/platform';
import { createBookingServer } from './server.js';

await runSubgraphProcess('booking', createBookingServer);
