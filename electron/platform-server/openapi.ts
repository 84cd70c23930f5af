// The platform API as an OpenAPI 3.1 document, generated from platformRoutes and their zod
// schemas (z.toJSONSchema), so the document cannot drift from the code: a test compares the
// checked-in resources/platform-openapi.json with a fresh build.
//   tsx electron/platform-server/openapi.ts --write   regenerates the file
//   tsx electron/platform-server/openapi.ts           prints it
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CaseBundle } from '../../shared/domain/case';
import { EntityId } from '../../shared/domain/ids';
import { Mediator } from '../../shared/domain/people';
import { Transition } from '../../shared/domain/transition';
import * as Api from '../../shared/platform/api';
import { FeedChange, FeedPage } from '../../shared/platform/feed';
import { PlatformMessage } from '../../shared/platform/messages';
import { PlatformAgreement, PlatformDocument, PlatformSession } from '../../shared/platform/records';

const { platformRoutes, PlatformErrorBody } = Api;
type RouteName = Api.PlatformRouteName;

export const OPENAPI_PATH = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'resources', 'platform-openapi.json');

const ref = (id: string): { $ref: string } => ({ $ref: `#/components/schemas/${id}` });

/** Named components: the shared records, then every route schema under its export name. */
function namedSchemas(): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>([
    [Mediator, 'Mediator'],
    [CaseBundle, 'CaseBundle'],
    [Transition, 'Transition'],
    [PlatformMessage, 'PlatformMessage'],
    [PlatformDocument, 'PlatformDocument'],
    [PlatformSession, 'PlatformSession'],
    [PlatformAgreement, 'PlatformAgreement'],
    [FeedChange, 'FeedChange'],
    [FeedPage, 'FeedPage'],
    [PlatformErrorBody, 'PlatformErrorBody'],
  ]);
  // Route schemas exported from api.ts keep their export name; any other gets "<route>Request/Response".
  const exported = new Map<unknown, string>(Object.entries(Api).map(([name, value]) => [value, name]));
  const capital = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
  for (const name of Object.keys(platformRoutes) as RouteName[]) {
    const spec: Api.PlatformRoutes[RouteName] = platformRoutes[name];
    // A binary answer's schema describes headers, documented inline (binaryResponse).
    const response = 'responseKind' in spec && spec.responseKind === 'binary' ? undefined : spec.response;
    const parts: [z.ZodType | undefined, string][] = [['body' in spec ? spec.body : undefined, 'Request'], [response, 'Response']];
    for (const [schema, suffix] of parts) {
      if (schema && !names.has(schema)) names.set(schema, exported.get(schema) ?? `${capital(name)}${suffix}`);
    }
  }
  return names;
}

const clean = (schema: Record<string, unknown>): Record<string, unknown> => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

function queryParameters(schema: z.ZodType): unknown[] {
  if (!(schema instanceof z.ZodObject)) throw new Error('A route query must be a z.object');
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, property]) => ({
    name,
    in: 'query',
    required: !property.safeParse(undefined).success,
    schema: clean(z.toJSONSchema(property, { io: 'input' }) as Record<string, unknown>),
  }));
}

const ERRORS: Readonly<Record<string, string>> = {
  '400': 'Invalid request (body, query, cursor or id); error.code invalid_request',
  '401': 'Missing, unknown (unauthorized) or expired (token_expired) token, or wrong credentials',
  '403': 'Not allowed for this user or in this stage (forbidden)',
  '404': 'No such case or route (not_found)',
  '409': 'Stale expectedVersion or a decision that no longer applies (conflict); `current` holds the case',
  '413': 'Body over the size limit (invalid_request)',
  '415': 'Content-Type is not application/json (application/octet-stream for uploads) (invalid_request)',
  '422': 'A transition the stage machine refuses, or a clientId reused for a different request (invalid_request)',
  '429': 'Too many requests (rate_limited); wait Retry-After seconds',
  '500': 'Internal error (internal); safe to retry writes with the same clientId',
};

function errorsFor(name: RouteName): Record<string, unknown> {
  const spec: Api.PlatformRoutes[RouteName] = platformRoutes[name];
  const codes = ['400', '401', '403', '404', '409', '429', '500'];
  if ('body' in spec || 'rawBody' in spec) codes.push('413', '415');
  if (spec.method === 'POST' && spec.auth) codes.push('422');
  return Object.fromEntries(codes.sort().map((code) => [code, { $ref: `#/components/responses/Error${code}` }]));
}

/** The bytes themselves, of any type, with the headers `response` validates. */
function binaryResponse(headers: z.ZodType): Record<string, unknown> {
  if (!(headers instanceof z.ZodObject)) throw new Error('A binary route describes its headers with a z.object');
  return {
    description: 'The document\'s bytes; check them against X-Content-SHA256',
    headers: Object.fromEntries(
      Object.entries(headers.shape as Record<string, z.ZodType>).map(([name, schema]) => [name, { required: true, schema: clean(z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>) }]),
    ),
    content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
  };
}

const rawRequestBody = (maxBytes: number): Record<string, unknown> => ({
  required: true,
  description: `The file's bytes, at most ${maxBytes} bytes`,
  content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
});

export function buildOpenApiDocument(): Record<string, unknown> {
  const names = namedSchemas();
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas = Object.fromEntries(Object.keys(generated.schemas).sort().map((id) => [id, clean(generated.schemas[id] ?? {})]));
  const idOf = (schema: z.ZodType): string => names.get(schema) ?? '';
  const caseIdParameter = { name: 'caseId', in: 'path', required: true, schema: clean(z.toJSONSchema(EntityId) as Record<string, unknown>) };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(platformRoutes) as RouteName[]) {
    const spec: Api.PlatformRoutes[RouteName] = platformRoutes[name];
    const parameters = [...(spec.path.includes('{caseId}') ? [caseIdParameter] : []), ...('query' in spec ? queryParameters(spec.query) : [])];
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = {
      operationId: name,
      summary: spec.summary,
      ...(spec.auth ? {} : { security: [] }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...('body' in spec ? { requestBody: { required: true, content: { 'application/json': { schema: ref(idOf(spec.body)) } } } } : {}),
      ...('rawBody' in spec ? { requestBody: rawRequestBody(spec.rawBody.maxBytes) } : {}),
      responses: {
        [String(spec.status)]:
          'responseKind' in spec && spec.responseKind === 'binary'
            ? binaryResponse(spec.response)
            : { description: 'Success', content: { 'application/json': { schema: ref(idOf(spec.response)) } } },
        ...errorsFor(name),
      },
    };
  }

  const errorResponses = Object.fromEntries(
    Object.entries(ERRORS).map(([code, description]) => [
      `Error${code}`,
      {
        description,
        ...(code === '429' ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } } } : {}),
        content: { 'application/json': { schema: ref('PlatformErrorBody') } },
      },
    ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'Mesa — central platform API',
      version: '1.0.0',
      description:
        'The API of the center\'s platform that Mesa syncs with. Generated from shared/platform/api.ts (platformRoutes); the reference server is electron/platform-server. Every write carries a client-made UUIDv7 `clientId`: a repeated write returns the first result (postMessage answers 200 instead of 201 on a repeat). The feed cursor is opaque and monotonic.',
    },
    servers: [{ url: 'http://127.0.0.1:{port}', description: 'Reference server (tsx electron/platform-server/cli.ts)', variables: { port: { default: '8787' } } }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas,
      responses: errorResponses,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /v1/auth/sign-in (expires; 401 token_expired means sign in again)' } },
    },
  };
}

export const renderOpenApiDocument = (): string => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv.includes('--write')) {
    writeFileSync(OPENAPI_PATH, renderOpenApiDocument());
    process.stderr.write(`Documento OpenAPI escrito en ${OPENAPI_PATH}\n`);
  } else {
    process.stdout.write(renderOpenApiDocument());
  }
}
