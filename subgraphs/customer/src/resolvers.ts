import { mergeResolvers, type Resolvers } from '@travel/platform';
import { apiKeysResolvers } from './api-keys/api-keys.resolvers.js';
import type { CustomerContext } from './context.js';
import { delegationsResolvers } from './delegations/delegations.resolvers.js';
import { employeeImportResolvers } from './imports/employee-import.resolvers.js';
import { loyaltyResolvers } from './loyalty/loyalty.resolvers.js';
import { organizationsResolvers } from './organizations/organizations.resolvers.js';
import { peopleResolvers } from './people/people.resolvers.js';
import { sessionsResolvers } from './sessions/sessions.resolvers.js';

export const resolvers: Resolvers<CustomerContext> = mergeResolvers(
  organizationsResolvers,
  peopleResolvers,
  sessionsResolvers,
  delegationsResolvers,
  employeeImportResolvers,
  apiKeysResolvers,
  loyaltyResolvers,
);
