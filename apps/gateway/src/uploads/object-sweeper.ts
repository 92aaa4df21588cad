import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { FindUnreferencedObjectionFiles, FindUnreferencedObjects, FindUnreferencedSiteEvidence, FindUnreferencedTrackingFiles } from '@firstset/contracts';
import { ServiceClient, systemRequestId } from '@firstset/messaging';
import { ObjectStorage } from '@firstset/object-storage';
import { OBJECT_STORE } from './uploads.config';

/** An object stored this long ago and still unreferenced was left by an interrupted upload. */
export const ORPHAN_AFTER_MS = 24 * 3600_000;
const EVERY_MS = 6 * 3600_000;
const BATCH = 500;

/**
 * Removes stored objects nothing refers to: what an upload leaves when the gateway stops between
 * storing the file and its service recording it. The owners of references say which of the old
 * objects they do not refer to — intake (materials), expert management (site evidence, M8.2),
 * publicity (objections' evidence and answers' files) and compliance (tracking reports' files,
 * M12.2); only what none refers to goes, and only
 * when older than a day (an upload in flight is younger, and storing existing content again
 * renews its time).
 */
@Injectable()
export class ObjectSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ObjectSweeper');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rpc: ServiceClient,
    @Inject(OBJECT_STORE) private readonly store: ObjectStorage,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((err: Error) => this.logger.warn(`object sweep failed: ${err.message}`)), EVERY_MS);
    this.timer.unref?.();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One sweep at `now`: the keys removed. */
  async sweep(now = Date.now()): Promise<string[]> {
    const removed: string[] = [];
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const meta = () => ({ requestId: systemRequestId(), actor: { userId: 'gateway-object-sweeper', role: 'system' as const } });
      // Each owner is asked only about what the ones before it do not refer to.
      let left = batch;
      for (const owner of [FindUnreferencedObjects, FindUnreferencedSiteEvidence, FindUnreferencedObjectionFiles, FindUnreferencedTrackingFiles]) {
        if (left.length) left = (await this.rpc.request(owner, { objectKeys: left }, meta())).unreferenced;
      }
      for (const key of left) {
        const head = await this.store.head(key);
        if (!head) continue;
        await this.store.delete(key);
        removed.push(key);
      }
      batch = [];
    };
    for await (const { key, storedAtMs } of this.store.list()) {
      if (now - storedAtMs <= ORPHAN_AFTER_MS) continue;
      batch.push(key);
      if (batch.length === BATCH) await flush();
    }
    await flush();
    if (removed.length) this.logger.log(`removed ${removed.length} unreferenced object(s)`);
    return removed;
  }
}
