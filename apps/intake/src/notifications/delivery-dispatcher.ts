import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, PRISMA, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { Db } from '../prisma';
import { MessageSender } from './message-sender';

const BATCH = 50;
const MAX_ATTEMPTS = 8;
const INTERVAL_MS = 500;

interface Due {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends the SMS and e-mails that notifications left in `message_deliveries`, after their
 * transaction committed: claims due rows (several instances never send one twice), sends each
 * through the port, and records the provider's reference, or the error and the next attempt
 * (doubling from 5 s; given up after 8 attempts, still visible with its last error).
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Deliveries');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly table: string;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly sender: MessageSender,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.table = `"${config.dbSchema}".message_deliveries`;
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sendDue()
        .then(() => undefined)
        .catch((err: Error) => this.logger.error(`delivery round failed: ${err.message}`))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, INTERVAL_MS);
    this.timer.unref?.();
  }

  /** One round: every due message, each in its own short transaction around the provider call. */
  async sendDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const done = await this.db.$transaction(async (tx) => {
        const due = await tx.$queryRawUnsafe<Due[]>(
          `SELECT id::text, channel, recipient, subject, body, attempts FROM ${this.table}
            WHERE state = 'pending' AND next_attempt_at <= $1::timestamptz
            ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          this.clock.now().toISOString(),
        );
        for (const d of due) await this.sendOne(tx, d);
        return due.length;
      });
      sent += done;
      if (done < BATCH || this.stopped) return sent;
    }
  }

  private async sendOne(tx: Pick<Db, '$executeRawUnsafe'>, d: Due): Promise<void> {
    const now = this.clock.now();
    try {
      const { providerRef } = await this.sender.send({ id: d.id, channel: d.channel, to: d.recipient, subject: d.subject, body: d.body });
      await tx.$executeRawUnsafe(
        `UPDATE ${this.table} SET state = 'sent', attempts = attempts + 1, sent_at = $2::timestamptz, provider_ref = $3, last_error = NULL WHERE id = $1::uuid`,
        d.id,
        now.toISOString(),
        providerRef.slice(0, 200),
      );
    } catch (err) {
      const attempts = d.attempts + 1;
      const next = new Date(now.getTime() + 5000 * 2 ** (attempts - 1));
      await tx.$executeRawUnsafe(
        `UPDATE ${this.table} SET state = $2, attempts = $3, last_error = $4, next_attempt_at = $5::timestamptz WHERE id = $1::uuid`,
        d.id,
        attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        (err instanceof Error ? err.message : String(err)).slice(0, 500),
        next.toISOString(),
      );
      this.logger.warn(`${d.channel} to ${d.recipient} failed (attempt ${attempts}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
