import { readFileSync } from 'node:fs';
import { SUBGRAPH_NAMES } from '@travel/platform';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, composeSupergraph, SUPERGRAPH_PATH } from '../compose-lib.js';

describe('composition', () => {
  const composition = composeSupergraph();

  it('composes without hints', () => {
    expect(composition.hints).toEqual([]);
  });

  it('matches the committed supergraph and API schema (run `pnpm compose` when this fails)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composition.supergraphSdl);
    expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(composition.apiSchemaSdl);
  });

  it('names exactly the six subgraphs', () => {
    const graphs = [...composition.supergraphSdl.matchAll(/@join__graph\(name: "(\w+)"/g)].map((m) => m[1]);
    expect(graphs.sort()).toEqual([...SUBGRAPH_NAMES].sort());
  });
});

describe('API documentation', () => {
  it('describes every type, field, argument, input field and enum value clients can see', async () => {
    const { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isIntrospectionType, isSpecifiedScalarType } = await import('graphql');
    const schema = buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8'));
    const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!type.description && !rootTypes.has(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description && type.name !== 'ErrorCode') missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
