/**
 * One kind of work waiting for the caller: how many items, and the nearest deadline among them.
 * The web names the kind and links it to the list that shows exactly those items.
 */
export interface WorkloadItemV1 {
  /** Stable key of the kind of work (`enterprise.drafts`, `prefecture.unclaimed`, …). */
  key: string;
  count: number;
  /** The nearest deadline (China date, YYYY-MM-DD) among these items, or null when they have none. */
  nextDeadline: string | null;
}

/** What one service says the caller has to do next, for the caller's role and binding. */
export interface WorkloadV1 {
  items: WorkloadItemV1[];
}

/** One service's part of the workspace home; `available: false` when it did not answer in time. */
export interface WorkspaceHomeSectionV1 {
  service: 'intake' | 'preliminary-review' | 'expert-management' | 'publicity' | 'compliance';
  available: boolean;
  items: WorkloadItemV1[];
}

/** The workspace home: the caller's work, asked of the services that own it, in parallel. */
export interface WorkspaceHomeV1 {
  sections: WorkspaceHomeSectionV1[];
}
