-- DropIndex
DROP INDEX "recognition_documents_decision_list_id_key";

-- AlterTable
ALTER TABLE "candidates" ADD COLUMN     "decision" TEXT,
ADD COLUMN     "decision_list_id" UUID,
ADD COLUMN     "decision_reason" TEXT;

-- AlterTable
ALTER TABLE "decision_list_entries" ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "decision_lists" ADD COLUMN     "content" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "content_hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "decided_at" TIMESTAMPTZ(3),
ADD COLUMN     "decided_by_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "deliberation" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "meeting_on" TEXT,
ADD COLUMN     "meeting_ref" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "objections" ADD COLUMN     "assessed_at" TIMESTAMPTZ(3),
ADD COLUMN     "assessed_by" TEXT,
ADD COLUMN     "assessment" TEXT,
ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "email" TEXT,
ADD COLUMN     "objector_kind" TEXT NOT NULL DEFAULT 'individual',
ADD COLUMN     "outcome_at" TIMESTAMPTZ(3),
ADD COLUMN     "outcome_by" TEXT,
ADD COLUMN     "outcome_reason" TEXT,
ADD COLUMN     "receipt_no" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "publicities" ADD COLUMN     "calendar_used" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "closed_by" TEXT,
ADD COLUMN     "contact" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "starts_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "recognition_documents" ADD COLUMN     "application_ids" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "body" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "drafted_at" TIMESTAMPTZ(3),
ADD COLUMN     "issued_by" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'main',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'issued',
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "document_no" DROP NOT NULL,
ALTER COLUMN "year" DROP NOT NULL,
ALTER COLUMN "seq" DROP NOT NULL,
ALTER COLUMN "document_date" DROP NOT NULL,
ALTER COLUMN "issued_at" DROP NOT NULL;

-- AlterTable
ALTER TABLE "recognitions" ADD COLUMN     "certificate_no" TEXT,
ADD COLUMN     "field_code" TEXT,
ADD COLUMN     "prefecture_id" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "revocation_notice" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "year" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "objection_inquiries" (
    "id" UUID NOT NULL,
    "objection_id" UUID NOT NULL,
    "party" TEXT NOT NULL,
    "party_ref" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "asked_by" TEXT NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL,
    "answer" TEXT,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "answered_by" TEXT,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "objection_inquiries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognition_events" (
    "id" UUID NOT NULL,
    "recognition_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "recognition_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expiry_notices" (
    "recognition_id" UUID NOT NULL,
    "days_before" INTEGER NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expiry_notices_pkey" PRIMARY KEY ("recognition_id","days_before")
);

-- CreateTable
CREATE TABLE "certificate_number_sequences" (
    "year" INTEGER NOT NULL,
    "last_seq" INTEGER NOT NULL,

    CONSTRAINT "certificate_number_sequences_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "objection_inquiries_objection_id_idx" ON "objection_inquiries"("objection_id");

-- CreateIndex
CREATE INDEX "objection_inquiries_party_party_ref_idx" ON "objection_inquiries"("party", "party_ref");

-- CreateIndex
CREATE INDEX "recognition_events_recognition_id_occurred_at_idx" ON "recognition_events"("recognition_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "objections_receipt_no_key" ON "objections"("receipt_no");

-- CreateIndex
CREATE INDEX "recognition_documents_decision_list_id_idx" ON "recognition_documents"("decision_list_id");

-- CreateIndex
CREATE UNIQUE INDEX "recognitions_certificate_no_key" ON "recognitions"("certificate_no");

-- CreateIndex
CREATE INDEX "recognitions_prefecture_id_valid_until_idx" ON "recognitions"("prefecture_id", "valid_until");

-- AddForeignKey
ALTER TABLE "objection_inquiries" ADD CONSTRAINT "objection_inquiries_objection_id_fkey" FOREIGN KEY ("objection_id") REFERENCES "objections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_events" ADD CONSTRAINT "recognition_events_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expiry_notices" ADD CONSTRAINT "expiry_notices_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognitions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Data: an objection lodged before the case statuses was "open": it is a received case now
-- (domain OBJECTION_STATUSES); documents issued before drafts existed are issued.
UPDATE "objections" SET "status" = 'received' WHERE "status" = 'open';
