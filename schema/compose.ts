import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_SCHEMA_PATH, composeSupergraph, SUPERGRAPH_PATH } from './compose-lib.js';

const composition = composeSupergraph();
for (const hint of composition.hints) console.warn(`hint ${hint}`);
writeFileSync(SUPERGRAPH_PATH, composition.supergraphSdl);
writeFileSync(API_SCHEMA_PATH, composition.apiSchemaSdl);
console.log(`composed 6 subgraphs -> ${fileURLToPath(SUPERGRAPH_PATH)} and ${fileURLToPath(API_SCHEMA_PATH)}`);
