import { createAnalyticsServer } from '@travel/analytics';
import { createBookingServer } from '@travel/booking';
import { createCustomerServer } from '@travel/customer';
import { createInventoryServer } from '@travel/inventory';
import { createPaymentServer } from '@travel/payment';
import { createPolicyServer } from '@travel/policy';
import type { SubgraphRuntime } from '@travel/platform';

/** All six subgraph servers over one runtime (constructed, not started). */
export function createSubgraphServers(runtime: SubgraphRuntime) {
  return {
    inventory: createInventoryServer(runtime),
    booking: createBookingServer(runtime),
    customer: createCustomerServer(runtime),
    policy: createPolicyServer(runtime),
    payment: createPaymentServer(runtime),
    analytics: createAnalyticsServer(runtime),
  };
}

export type SubgraphServers = ReturnType<typeof createSubgraphServers>;
