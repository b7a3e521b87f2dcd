import * as analytics from '@travel/analytics';
import * as booking from '@travel/booking';
import * as customer from '@travel/customer';
import * as inventory from '@travel/inventory';
import * as payment from '@travel/payment';
import * as policy from '@travel/policy';
import { SUBGRAPH_NAMES, type Resolvers, type SubgraphName } from '@travel/platform';
import type { DocumentNode } from 'graphql';

const modules: Record<SubgraphName, { typeDefs: DocumentNode; resolvers: Resolvers<never> }> = { inventory, booking, customer, policy, payment, analytics };

/** The SDL modules of the six subgraphs, in composition order. */
export const subgraphModules = SUBGRAPH_NAMES.map((name) => ({ name, ...modules[name] }));
