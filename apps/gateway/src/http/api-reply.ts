import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { MessageContract, ReplyName } from '@firstset/contracts';

/** A reference to a reply's schema, which buildOpenApi puts into the document's components. */
export const replySchema = (name: ReplyName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * Documents the route's success response: the reply its contract names (the service is checked to
 * return it), or one of the gateway's own named replies. POST routes without @HttpCode(200) answer 201.
 */
export function ApiReply(reply: MessageContract<unknown, unknown> | ReplyName, status: 200 | 201 = 200): MethodDecorator {
  const name = typeof reply === 'string' ? reply : reply.reply;
  if (!name) throw new Error(`${typeof reply === 'string' ? reply : reply.subject}: the contract names no reply`);
  return ApiResponse({ status, description: name, schema: replySchema(name) });
}

/** A file download: the body is the file itself. */
export function ApiFileReply(...mediaTypes: string[]): MethodDecorator {
  const content = Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));
  return applyDecorators(ApiResponse({ status: 200, description: '文件 / The file', content }));
}

/** Success with no body. */
export function ApiNoContent(description: string): MethodDecorator {
  return ApiResponse({ status: 204, description });
}
