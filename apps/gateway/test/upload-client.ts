import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export interface UploadReply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, unknown>;
}

/** Sends a file as the request body with node:http (it reads a response even after a refused upload). */
export function sendBody(
  baseUrl: string,
  path: string,
  token: string,
  body: Buffer,
  headers: Record<string, string | number> = {},
  chunked = false,
  method = 'POST',
): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(`${baseUrl}${path}`), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...(chunked ? {} : { 'content-length': body.length }), ...headers },
    }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString();
        resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A client that gives up mid-body: it sends the head (declaring `declared` bytes) and `sent` bytes,
 * then either destroys the socket (after `afterMs`, 0 = at once) or half-closes it as if the body
 * had ended early (`end`). Resolves once the socket is closed.
 */
export function cutUpload(
  baseUrl: string,
  head: string,
  sent: Buffer,
  declared: number,
  how: { mode: 'destroy' | 'end'; afterMs?: number },
): Promise<void> {
  const url = new URL(baseUrl);
  return new Promise<void>((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`${head}Content-Length: ${declared}\r\n\r\n`);
      socket.write(sent);
      const cut = () => (how.mode === 'destroy' ? socket.destroy() : socket.end());
      if (how.afterMs) setTimeout(cut, how.afterMs);
      else cut();
    });
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
    socket.on('error', () => undefined);
  });
}
