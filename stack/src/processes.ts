import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_NAMES, subgraphPort, type Config, type SubgraphName } from '@travel/platform';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ProcessTopology {
  routerUrl: string;
  stop(): Promise<void>;
}

function entry(name: SubgraphName | 'router'): string {
  return name === 'router' ? `${ROOT}router/src/index.ts` : `${ROOT}subgraphs/${name}/src/index.ts`;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitUntilReady(url: string, timeoutMs: number, children: Map<string, ChildProcess>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const [name, child] of children) if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} during start`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Not ready after ${timeoutMs} ms: ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The distributed topology as separate processes on this machine: one per
 * subgraph plus the router, against PostgreSQL and Redis. It mirrors
 * docker-compose.yml, which cannot run here for want of a Docker engine.
 */
export async function startProcesses(
  config: Config,
  opts: { env?: Record<string, string>; log?: (name: string, line: string) => void; readyTimeoutMs?: number } = {},
): Promise<ProcessTopology> {
  if (!config.DATABASE_URL || !config.REDIS_URL) throw new Error('Distributed mode needs DATABASE_URL and REDIS_URL');
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase()}_URL`, `http://127.0.0.1:${subgraphPort(config, n)}/graphql`]));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined && typeof v !== 'object').map(([k, v]) => [k, String(v)])),
    ...urls,
    ...opts.env,
  };
  const children = new Map<string, ChildProcess>();
  const names: (SubgraphName | 'router')[] = [...SUBGRAPH_NAMES, 'router'];
  for (const name of names) {
    const child = spawn(process.execPath, ['--import', 'tsx', entry(name)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) if (line.trim()) opts.log?.(name, line);
      });
    }
    children.set(name, child);
  }
  const routerUrl = `http://127.0.0.1:${config.ROUTER_PORT}/graphql`;
  const stop = async () => {
    await Promise.all([...children.values()].map(stopChild));
  };
  try {
    await waitUntilReady(`http://127.0.0.1:${config.ROUTER_PORT}/ready`, opts.readyTimeoutMs ?? 60_000, children);
  } catch (error) {
    await stop();
    throw error;
  }
  return { routerUrl, stop };
}
