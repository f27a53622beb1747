import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FieldError, Problem } from '../src/problem.js';
import { documentedSchema, open311Operations, type Open311Operation } from '../src/open311.js';
import { operations, type Operation } from '../src/operations.js';

export const openApiPath = fileURLToPath(new URL('../openapi.json', import.meta.url));

/**
 * Builds the OpenAPI 3.1 document with @fastify/swagger from the same operation definitions
 * the gateway registers, so the document describes exactly what the gateway validates (and, for
 * Open311, also what its handlers check themselves).
 */
export async function buildOpenApi(): Promise<unknown> {
  const app = Fastify({ logger: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kommunkit gateway',
        version: '1',
        description:
          'Contract between kommunkit widgets (through @kommunkit/sdk) and a kommunkit gateway. Errors are RFC 9457 problem details (application/problem+json). State-changing requests must carry the `x-kommunkit-client` header and come from one of the kommun\'s allowed origins.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kk_session', description: 'HttpOnly session cookie set by the login callback.' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${String(i)}`) },
  });
  app.addSchema(FieldError);
  app.addSchema(Problem);
  for (const operation of Object.values(operations) as Operation[]) {
    app.route({ ...operation, handler: () => null });
  }
  // Open311's query, body and responses are documentation only: the gateway's handlers check them
  // and serialise themselves, so the gateway registers `schema` alone (see `open311.ts`).
  for (const operation of Object.values(open311Operations) as Open311Operation[]) {
    app.route({ method: operation.method, url: operation.url, schema: documentedSchema(operation), handler: () => null });
  }
  await app.ready();
  const document = app.swagger();
  await app.close();
  return JSON.parse(JSON.stringify(document));
}

export const serialize = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(openApiPath, serialize(await buildOpenApi()));
  console.log(`Wrote ${openApiPath}`);
}
