import { Injectable } from '@nestjs/common';
import { NatsClient } from './nats-client';

export interface MessagingHealthStatus {
  nats: 'up' | 'down';
}

/** For readiness probes: NATS is up when the connection is open and answers a ping in time. */
@Injectable()
export class MessagingHealth {
  constructor(private readonly nats: NatsClient) {}

  async check(timeoutMs = 2000): Promise<MessagingHealthStatus> {
    const { nc } = this.nats;
    if (nc.isClosed() || nc.isDraining()) return { nats: 'down' };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        nc.flush(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      return { nats: 'up' };
    } catch {
      return { nats: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}
