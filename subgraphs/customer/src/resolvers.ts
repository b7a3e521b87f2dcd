import type { Resolvers } from '@travel/platform';
import { apiKeysResolvers } from './api-keys/api-keys.resolvers.js';
import { loyaltyResolvers } from './loyalty/loyalty.resolvers.js';
import type { CustomerContext } from './context.js';
import { organizationsResolvers } from './organizations/organizations.resolvers.js';
import { peopleResolvers } from './people/people.resolvers.js';
import { mergeResolvers } from '@travel/platform';

export const resolvers: Resolvers<CustomerContext> = mergeResolvers(organizationsResolvers, peopleResolvers, apiKeysResolvers, loyaltyResolvers);
