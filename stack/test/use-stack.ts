import { createTestRuntime, testConfig } from '@travel/platform/testkit';
import type { ProcessRuntime } from '@travel/platform';
import { afterAll, beforeAll } from 'vitest';
import { startStack, type Stack } from '../src/stack.js';

/** The whole supergraph in this test process for the enclosing describe block: started before, stopped after. */
export function useStack(): () => Stack {
  let runtime: ProcessRuntime | undefined;
  let stack: Stack | undefined;
  beforeAll(async () => {
    runtime = await createTestRuntime(testConfig());
    stack = await startStack(runtime);
  });
  afterAll(async () => {
    await stack?.stop();
    await runtime?.close();
  });
  return () => {
    if (!stack) throw new Error('the stack is not started');
    return stack;
  };
}
