import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`upload exceeds ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

export interface InspectionResult {
  size: number;
  sha256: string;
  sm3?: string;
}

/**
 * A pass-through stream that inspects an upload as it flows to storage, holding no more than a
 * chunk: it counts bytes (failing the stream past the limit) and hashes (SHA-256, and SM3 when
 * asked). What the content holds is decided on the staged file by `inspectContent`.
 */
export class UploadInspector extends Transform {
  private size = 0;
  private readonly sha256: Hash = createHash('sha256');
  private readonly sm3?: Hash;

  constructor(private readonly maxBytes: number, options: { sm3?: boolean } = {}) {
    super();
    if (options.sm3) this.sm3 = createHash('sm3');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new UploadTooLargeError(this.maxBytes));
    this.sha256.update(chunk);
    this.sm3?.update(chunk);
    done(null, chunk);
  }

  /** The figures of the whole stream; call after it finished. */
  result(): InspectionResult {
    return {
      size: this.size,
      sha256: this.sha256.copy().digest('hex'),
      ...(this.sm3 ? { sm3: this.sm3.copy().digest('hex') } : {}),
    };
  }
}
