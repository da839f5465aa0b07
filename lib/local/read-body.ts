import type { IncomingMessage } from 'node:http';

/**
 * A request body, or undefined when it is over `limitBytes`. Past the limit the rest is read and
 * dropped rather than the socket destroyed, so the client still receives the 413.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limitBytes ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
