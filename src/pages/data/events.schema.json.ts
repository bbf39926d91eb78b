import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { eventSchema } from '../../lib/schema';

// The JSON Schema of events.json, derived from the schema every content file passes. It
// describes the three shapes the file takes: the whole story (`events`), or for a story
// too big for one file an index (`parts`) and each month's part (`month` and `events`).
export const GET: APIRoute = () => {
  const event = z.toJSONSchema(eventSchema, { io: 'output', unrepresentable: 'any' });
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Timeline events',
    type: 'object',
    required: ['title', 'description'],
    oneOf: [
      { description: 'The whole story in one file.', required: ['events', 'withdrawn'], not: { anyOf: [{ required: ['parts'] }, { required: ['month'] }] } },
      { description: 'An index: the story is too big for one file, so each month of events is a file of its own.', required: ['parts', 'withdrawn'], not: { required: ['events'] } },
      { description: 'One month of events, listed in the index\'s parts.', required: ['month', 'events'], not: { anyOf: [{ required: ['parts'] }, { required: ['withdrawn'] }] } },
    ],
    properties: {
      $schema: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      month: { description: 'In a monthly part: the month its events happened in, YYYY-MM (local time of each event).', type: 'string', pattern: '^\\d{4}-\\d{2}$' },
      parts: {
        description: 'In an index: a file per month, oldest first; together they hold every event in timeline order.',
        type: 'array',
        items: {
          type: 'object',
          required: ['month', 'url', 'events'],
          additionalProperties: false,
          properties: {
            month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
            url: { type: 'string', format: 'uri', description: 'The absolute URL of the month\'s file.' },
            events: { type: 'integer', minimum: 1, description: 'How many events the file holds.' },
          },
        },
      },
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
