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
    required: ['title', 'description', 'events'],
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
    },
  };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
};
