import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { eventSchema } from '../../lib/schema';

// The JSON Schema of events.json, derived from the schema every content file passes.
export const GET: APIRoute = () => {
  const event = z.toJSONSchema(eventSchema, { io: 'output', unrepresentable: 'any' });
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Timeline events',
    type: 'object',
    required: ['title', 'description', 'events', 'withdrawn'],
    properties: {
      $schema: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      events: {
        type: 'array',
        items: {
          ...event,
          $schema: undefined,
          properties: { id: { type: 'string', description: 'The slug: the file name and permalink' }, url: { type: 'string', format: 'uri' }, ...(event.properties ?? {}) },
          required: ['id', 'url', ...((event.required as string[] | undefined) ?? [])],
        },
      },
      withdrawn: {
        description: 'Events taken back: their pages keep their addresses with a notice and the reason; their text is no longer published.',
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'url', 'title', 'status', 'reason', 'updates'],
          additionalProperties: false,
          properties: {
            id: { type: 'string' },
            url: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            status: { const: 'withdrawn' },
            reason: { type: 'string' },
            updates: event.properties?.['updates'] ?? { type: 'array' },
          },
        },
      },
    },
  };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
};
