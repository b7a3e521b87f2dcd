import { generate } from '@graphql-codegen/cli';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GENERATED = join(ROOT, 'clients/web/src/gql');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('generated GraphQL client code', () => {
  it('is what codegen.ts produces from the current schema and operations (run `pnpm codegen` when this fails)', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT, silent: true }, false);
    const fresh = new Map(outputs.map((o) => [relative(ROOT, resolve(ROOT, o.filename)), o.content]));
    const committed = new Map(filesUnder(GENERATED).map((file) => [relative(ROOT, file), readFileSync(file, 'utf8')]));

    expect(fresh.size).toBeGreaterThan(0);
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, content] of fresh) {
      expect(committed.get(file), `${file} is stale`).toBe(content);
    }
  });
});
