import { TranscriptSchema, VerdictSchema } from '@judgekit/core';
import { z } from 'zod';
import {
  GradeRequestSchema,
  GradeResponseSchema,
  GradersResponseSchema,
  HealthResponseSchema,
  ServiceErrorSchema,
} from './grade-request-schema.js';

function componentSchemas(io: 'input' | 'output', schemas: Record<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ServiceError' } } },
});

/**
 * The service's OpenAPI 3.1 document. Schemas are generated from the zod schemas that validate the
 * requests (`z.toJSONSchema`): request bodies in their input shape (defaults and string content
 * allowed), responses in their output shape.
 */
export function openAPIDocument(version: string): Record<string, unknown> {
  const requestSchemas = componentSchemas('input', {
    Transcript: TranscriptSchema,
    GradeRequest: GradeRequestSchema,
  });
  const responseSchemas = componentSchemas('output', {
    Verdict: VerdictSchema,
    GradeResponse: GradeResponseSchema,
    GradersResponse: GradersResponseSchema,
    HealthResponse: HealthResponseSchema,
    ServiceError: ServiceErrorSchema,
  });
  const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
  const secured = [{ bearerAuth: [] }, { apiKeyHeader: [] }, {}];
  return {
    openapi: '3.1.0',
    info: {
      title: 'judgekit grading service',
      version,
      description:
        'Grades AI-agent transcripts for covert actions, plausible deniability and evaluation awareness with the graders the server was started with. When the server has an API key, /v1 routes need it as `Authorization: Bearer <key>` or `x-api-key`.',
    },
    servers: [{ url: 'http://127.0.0.1:8787' }],
    paths: {
      '/v1/grade': {
        post: {
          operationId: 'grade',
          summary: 'Grade one transcript or a batch with the named graders',
          security: secured,
          requestBody: { required: true, content: json('GradeRequest') },
          responses: {
            '200': {
              description: 'one result per transcript, in request order',
              content: json('GradeResponse'),
            },
            '400': errorResponse(
              'malformed JSON, an invalid request (with the field path), or an unknown grader',
            ),
            '401': errorResponse('missing or wrong API key'),
            '408': errorResponse('the request body arrived too slowly'),
            '413': errorResponse('the body or the batch is larger than the limits'),
            '503': errorResponse('too many requests in flight; retry after the Retry-After seconds'),
          },
        },
      },
      '/v1/graders': {
        get: {
          operationId: 'listGraders',
          summary: 'The graders this service offers',
          security: secured,
          responses: {
            '200': { description: 'the graders', content: json('GradersResponse') },
            '401': errorResponse('missing or wrong API key'),
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness',
          responses: { '200': { description: 'the service is up', content: json('HealthResponse') } },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': { description: 'the OpenAPI document' } },
        },
      },
    },
    components: {
      schemas: { ...responseSchemas, ...requestSchemas },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
  };
}
