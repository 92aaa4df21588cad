-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "approved_by" TEXT,
ADD COLUMN     "assigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "assigned_by" TEXT,
ADD COLUMN     "assignee_id" TEXT,
ADD COLUMN     "changes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "correction_deadline" TEXT,
ADD COLUMN     "correction_items" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "decision_reason" TEXT,
ADD COLUMN     "draft" JSONB,
ADD COLUMN     "draft_kind" TEXT,
ADD COLUMN     "drafted_at" TIMESTAMPTZ(3),
ADD COLUMN     "drafted_by" TEXT,
ADD COLUMN     "measures_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "previous_version" INTEGER,
ADD COLUMN     "resubmitted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "batches" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefecture_deadline" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_verdicts" (
    "case_id" UUID NOT NULL,
    "slot_id" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "legible" BOOLEAN NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "qualified_institution" BOOLEAN,
    "consistent" BOOLEAN NOT NULL,
    "comment" TEXT,
    "reviewed_by" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "material_verdicts_pkey" PRIMARY KEY ("case_id","slot_id")
);

-- CreateTable
CREATE TABLE "verification_actions" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "performed_on" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prefecture_settings" (
    "prefecture_id" TEXT NOT NULL,
    "two_step_approval" BOOLEAN NOT NULL DEFAULT false,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "prefecture_settings_pkey" PRIMARY KEY ("prefecture_id")
);

-- CreateTable
CREATE TABLE "summaries" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "prefecture_id" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "signed_off_by" TEXT NOT NULL,
    "signer_name" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "summaries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_officers" (
    "user_id" TEXT NOT NULL,
    "prefecture_id" TEXT NOT NULL,
    "display_name" TEXT,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "known_officers_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "verification_actions_case_id_idx" ON "verification_actions"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "summaries_batch_id_prefecture_id_key" ON "summaries"("batch_id", "prefecture_id");

-- CreateIndex
CREATE INDEX "known_officers_prefecture_id_idx" ON "known_officers"("prefecture_id");

-- AddForeignKey
ALTER TABLE "material_verdicts" ADD CONSTRAINT "material_verdicts_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "review_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_actions" ADD CONSTRAINT "verification_actions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "review_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

