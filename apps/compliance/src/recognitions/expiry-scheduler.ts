import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ExpireDueRecognitions } from './expire-recognitions';

const INTERVAL_MS = 60 * 60_000;

/**
 * Runs the expiry once at start-up and then hourly, as the system. Several replicas may run it at
 * once: each state change is compare-and-set, so a recognition expires once.
 */
@Injectable()
export class ExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpiryScheduler');
  private timer?: NodeJS.Timeout;

  constructor(private readonly expiry: ExpireDueRecognitions) {}

  onApplicationBootstrap(): void {
    const run = () =>
      this.expiry
        .execute({ requestId: `expiry-${randomUUID()}`, actor: { userId: 'system:expiry', role: 'system' } })
        .then((r) => r.expired.length && this.logger.log(`${r.expired.length} recognitions expired`))
        .catch((err: Error) => this.logger.error(`expiry run failed: ${err.message}`));
    void run();
    this.timer = setInterval(run, INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
