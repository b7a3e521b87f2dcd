import { SUBGRAPH_NAMES, type ServiceDirectory, type SubgraphName } from '@travel/platform';

export interface Readiness {
  ready: boolean;
  subgraphs: Record<SubgraphName, 'up' | 'down'>;
}

/** Asks every subgraph's /health, in parallel, with a short timeout. */
export async function checkReadiness(directory: ServiceDirectory, timeoutMs = 1000): Promise<Readiness> {
  const results = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      try {
        const response = await fetch(new URL('/health', directory.url(name)), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'up' : 'down'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(results) as Record<SubgraphName, 'up' | 'down'>;
  return { ready: results.every(([, state]) => state === 'up'), subgraphs };
}
