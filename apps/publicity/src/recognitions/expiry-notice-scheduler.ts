import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SendExpiryNotices } from './send-expiry-notices';

const INTERVAL_MS = 60 * 60_000;

/**
 * Runs the expiry notices once at start-up and then hourly, as the system: a notice is due on a
 * day, and an hourly run sends it that day even after a restart. The `ExpiryNotice` key keeps a
 * threshold to one notice however many runs or replicas see it.
 */
@Injectable()
export class ExpiryNoticeScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpiryNoticeScheduler');
  private timer?: NodeJS.Timeout;

  constructor(private readonly notices: SendExpiryNotices) {}

  onApplicationBootstrap(): void {
    const run = () =>
      this.notices
        .execute({ requestId: `expiry-notices-${randomUUID()}`, actor: { userId: 'system:expiry-notices', role: 'system' } })
        .then((r) => r.sent.length && this.logger.log(`${r.sent.length} expiry notices sent`))
        .catch((err: Error) => this.logger.error(`expiry notice run failed: ${err.message}`));
    void run();
    this.timer = setInterval(run, INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
