import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { platformRoutes } from '../../shared/platform/api';
import { buildOpenApiDocument, OPENAPI_PATH, renderOpenApiDocument } from '../../electron/platform-server/openapi';

type Json = Record<string, unknown>;

/** Resolves a local JSON pointer ("#/components/schemas/X") in the document, or undefined. */
function resolvePointer(document: Json, pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), document);
}

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

describe('resources/platform-openapi.json', () => {
  it('is exactly what the zod schemas generate (run `tsx electron/platform-server/openapi.ts --write` after changing them)', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(renderOpenApiDocument());
  });

  it('is a structurally valid OpenAPI 3.1 document', () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe('3.1.0');
    expect((document.info as Json).title).toEqual(expect.any(String));
    expect((document.info as Json).version).toEqual(expect.any(String));
    const paths = document.paths as Record<string, Record<string, Json>>;
    for (const [path, item] of Object.entries(paths)) {
      expect(path.startsWith('/')).toBe(true);
      for (const [method, operation] of Object.entries(item)) {
        expect(['get', 'post', 'put', 'delete', 'patch']).toContain(method);
        const responses = operation.responses as Json;
        expect(Object.keys(responses).some((code) => /^2\d\d$/.test(code)), `${method} ${path}`).toBe(true);
        for (const parameter of (operation.parameters as Json[] | undefined) ?? []) {
          if (parameter.in === 'path') expect(path).toContain(`{${String(parameter.name)}}`);
        }
      }
    }
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const pointer of new Set(refs)) expect(resolvePointer(document, pointer), pointer).toBeDefined();
    const schemes = (document.components as Json).securitySchemes as Json;
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('has one operation per platform route, with its method, status and error answers', () => {
    const paths = buildOpenApiDocument().paths as Record<string, Record<string, Json>>;
    for (const [name, spec] of Object.entries(platformRoutes)) {
      const operation = paths[spec.path]?.[spec.method.toLowerCase()];
      expect(operation?.operationId, name).toBe(name);
      const responses = operation?.responses as Json;
      expect(Object.keys(responses)).toEqual(expect.arrayContaining([String(spec.status), '400', '401', '403', '404', '409', '429', '500']));
      expect(operation?.security === undefined, name).toBe(spec.auth);
    }
  });
});
