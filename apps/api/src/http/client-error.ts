import type { Socket } from 'node:net';
import type { ErrorBody } from '@cartly/contracts';

/*
 * Node answers requests it cannot parse (a request line or headers over `maxHeaderSize`, broken
 * HTTP) itself, with an empty body. These answers are the SPEC §3 envelope instead: 431 for
 * oversized URLs and headers, 400 for anything else malformed. The socket is closed after.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const [status, reason, body]: [number, string, ErrorBody] = tooLarge
    ? [431, 'Request Header Fields Too Large', { error: { code: 'HEADERS_TOO_LARGE', message: 'the URL or the request headers are too large (at most 16 KB together)' } }]
    : [400, 'Bad Request', { error: { code: 'VALIDATION_FAILED', message: 'the request is not valid HTTP' } }];
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\nconnection: close\r\n\r\n${json}`,
  );
}
