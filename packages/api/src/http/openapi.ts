// The OpenAPI document, written from the route declarations (their zod schemas), and a readable
// HTML page of it.
import { KOLMAP_VERSION } from '@kolmap/core';
import { createDocument } from 'zod-openapi';
import type { RouteDefinition } from './route.js';

export const API_PREFIX = '/api/v1';

type OpenApiDocument = ReturnType<typeof createDocument>;

/** OpenAPI 3.1 of `routes` (mounted under API_PREFIX). */
export function openApiDocument(routes: readonly RouteDefinition[]): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = API_PREFIX + route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const content = route.body
      ? { 'application/json': { schema: route.body } }
      : route.requestContent;
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.description && { description: route.description }),
      ...(route.role === 'public' ? { security: [] } : { 'x-kolmap-role': route.role }),
      requestParams: {
        ...(route.params && { path: route.params }),
        ...(route.query && { query: route.query }),
      },
      ...(content && { requestBody: { required: true, content } }),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.json
              ? { content: { 'application/json': { schema: response.json } } }
              : response.contentType
                ? { content: { [response.contentType]: { schema: { type: 'string' } } } }
                : {}),
          },
        ]),
      ),
    };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'kolmap API',
      version: KOLMAP_VERSION,
      description:
        'Maps of key opinion leaders: upload datasets, read KOLs, communities, accounts, paths; export shortlists and maps. Roles: viewer reads; analyst also uploads, exports and saves shortlists; admin also deletes and reads the export log.',
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'a key of KOLMAP_API_KEYS' },
      },
    },
    security: [{ apiKey: [] }],
    paths: paths as Parameters<typeof createDocument>[0]['paths'],
  });
}

const escape = (text: unknown) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

interface DocumentedParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: unknown; enum?: unknown[]; description?: string };
  description?: string;
}

/** A plain HTML page of the document: operations by tag, their parameters and responses. */
export function openApiPage(document: OpenApiDocument): string {
  const sections = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
      const op = operation as {
        tags?: string[];
        summary?: string;
        description?: string;
        parameters?: DocumentedParameter[];
        requestBody?: { content?: Record<string, unknown> };
        responses?: Record<string, { description?: string }>;
        'x-kolmap-role'?: string;
      };
      const tag = op.tags?.[0] ?? 'other';
      const parameters = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${escape(
              p.schema?.enum ? p.schema.enum.join(' | ') : (p.schema?.type ?? ''),
            )}</td></tr>`,
        )
        .join('');
      const bodies = Object.keys(op.requestBody?.content ?? {})
        .map((type) => `<code>${escape(type)}</code>`)
        .join(', ');
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><b>${escape(status)}</b> ${escape(r.description ?? '')}</li>`)
        .join('');
      const html = `<section><h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${escape(op.summary ?? '')}${op['x-kolmap-role'] ? ` <small>(role: ${escape(op['x-kolmap-role'])})</small>` : ''}</p>
${op.description ? `<p class="description">${escape(op.description)}</p>` : ''}
${parameters ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>type</th></tr>${parameters}</table>` : ''}
${bodies ? `<p>Body: ${bodies}</p>` : ''}<ul>${responses}</ul></section>`;
      sections.set(tag, [...(sections.get(tag) ?? []), html]);
    }
  }
  const body = [...sections]
    .map(([tag, items]) => `<h2>${escape(tag)}</h2>${items.join('\n')}`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kolmap API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-bottom:1px solid #ccc;margin-top:2.5rem}section{margin:1.2rem 0}h3{font-size:1rem;margin:.2rem 0}
.method{display:inline-block;min-width:4rem;padding:0 .4rem;border-radius:3px;color:#fff;background:#555;font-size:.8rem;text-align:center}
.get{background:#2f7d32}.post{background:#1565c0}.patch{background:#8e6a00}.delete{background:#b71c1c}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ddd;padding:.15rem .5rem;text-align:left}.description{color:#444}</style>
</head><body><h1>${escape(document.info.title)} ${escape(document.info.version)}</h1><p>${escape(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="${API_PREFIX}/openapi.json">${API_PREFIX}/openapi.json</a>. Send keys as <code>Authorization: Bearer &lt;key&gt;</code>. Errors: <code>{ "error": { "code", "message", "details" } }</code>.</p>
${body}</body></html>`;
}
