/** One file attached to a slot of the application's checklist (M7.4). */
export interface MaterialViewV1 {
  id: string;
  slotId: string;
  fileName: string;
  /** The file type by content: pdf, ofd, jpg, png, docx, xlsx. */
  mediaType: string;
  size: number;
  sha256: string;
  /** SM3 digest, where the national-cryptography profile asks for it. */
  sm3: string | null;
  uploadedAt: string;
}

export interface MaterialRemovedV1 {
  id: string;
  removed: true;
}

/** What the gateway may accept for one upload (internal: gateway ↔ intake). */
export interface UploadGrantV1 {
  /** The most the gateway may accept for this file: the per-file limit or what the application has left. */
  maxBytes: number;
  allowedTypes: string[];
  sm3: boolean;
}

/** Where the gateway finds a file it may stream to the caller (internal: gateway ↔ intake). */
export interface DownloadGrantV1 {
  objectKey: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Stored objects no material refers to any more (internal: the sweeper). */
export interface UnreferencedObjectsV1 {
  unreferenced: string[];
}
