-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "correction" JSONB,
ADD COLUMN     "draft" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "rejection" JSONB,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "application_versions" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_window_changes" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "previous_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "new_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "batch_window_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "enterprise_uscc" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "source_event_id" UUID NOT NULL,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "application_versions_application_id_version_key" ON "application_versions"("application_id", "version");

-- CreateIndex
CREATE INDEX "batch_window_changes_batch_id_idx" ON "batch_window_changes"("batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_source_event_id_key" ON "notifications"("source_event_id");

-- CreateIndex
CREATE INDEX "notifications_enterprise_uscc_occurred_at_idx" ON "notifications"("enterprise_uscc", "occurred_at");

-- AddForeignKey
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_window_changes" ADD CONSTRAINT "batch_window_changes_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

