/**
 * GraphQL Code Generator config for the web client (`pnpm codegen`, run from
 * the repository root). Types, typed documents and fragment masking come from
 * the client preset; Apollo's possibleTypes come from the fragment-matcher
 * plugin. Output under clients/web/src/gql/ is committed, and
 * clients/web/test/codegen.test.ts fails when it is stale.
 *
 * Typed structurally (no import of @graphql-codegen/cli, which only
 * clients/web depends on); the staleness test checks it against the CLI's
 * config type.
 */
const scalars = {
  DateTime: 'string',
  Date: 'string',
  MinorUnits: 'number',
};

const config = {
  overwrite: true,
  schema: 'schema/api-schema.graphql',
  documents: ['clients/web/src/**/*.{ts,tsx}', '!clients/web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'clients/web/src/gql/': {
      preset: 'client' as const,
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars, strictScalars: true },
    },
    'clients/web/src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { useExplicitTyping: true },
    },
  },
};

export default config;
