import type { Resolvers } from '@travel/platform';
import { mergeResolvers } from '@travel/platform';
import { approvalsResolvers } from './approvals/approvals.resolvers.js';
import type { PolicyContext } from './context.js';
import { evaluationsResolvers } from './evaluation/evaluations.resolvers.js';
import { policiesResolvers } from './policies/policies.resolvers.js';

export const resolvers: Resolvers<PolicyContext> = mergeResolvers(policiesResolvers, evaluationsResolvers, approvalsResolvers);
