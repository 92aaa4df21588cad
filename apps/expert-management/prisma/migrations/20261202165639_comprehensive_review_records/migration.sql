-- DropIndex
DROP INDEX "commissions_batch_id_key";

-- AlterTable
ALTER TABLE "assignments" ADD COLUMN     "commission_id" UUID,
ADD COLUMN     "criterion_scores" JSONB,
ADD COLUMN     "end_reason" TEXT,
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "no_conflict_confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "panel_run_id" UUID,
ADD COLUMN     "recommendation" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active',
ADD COLUMN     "undertaking_text" TEXT,
ADD COLUMN     "undertaking_version" TEXT,
ALTER COLUMN "score" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "commissions" ADD COLUMN     "end_reason" TEXT,
ADD COLUMN     "ended_at" TIMESTAMPTZ(3),
ADD COLUMN     "ended_by" TEXT,
ADD COLUMN     "field_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "product_kinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "replaced_by_id" UUID;

-- AlterTable
ALTER TABLE "experts" ADD COLUMN     "account_username" TEXT,
ADD COLUMN     "available" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "employer_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "employer_uscc" TEXT,
ADD COLUMN     "field_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "identity_hash" TEXT,
ADD COLUMN     "identity_tail" TEXT,
ADD COLUMN     "mobile" TEXT,
ADD COLUMN     "region_code" TEXT,
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "unavailable_until" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "institutions" ADD COLUMN     "address" TEXT,
ADD COLUMN     "contact_email" TEXT,
ADD COLUMN     "contact_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contact_phone" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "qualification" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "qualification_no" TEXT,
ADD COLUMN     "registered_at" TIMESTAMPTZ(3),
ADD COLUMN     "registered_by" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "commission_id" UUID,
ADD COLUMN     "field_code" TEXT;

-- CreateTable
CREATE TABLE "expert_ties" (
    "id" UUID NOT NULL,
    "expert_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "counterparty_name" TEXT NOT NULL,
    "counterparty_uscc" TEXT,
    "from" TEXT,
    "until" TEXT,
    "note" TEXT,
    "declared_by" TEXT NOT NULL,
    "declared_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expert_ties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflicts" (
    "id" UUID NOT NULL,
    "expert_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason_zh" TEXT NOT NULL,
    "reason_en" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conflicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_runs" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "commission_id" UUID NOT NULL,
    "seed" TEXT NOT NULL,
    "proposal" JSONB NOT NULL,
    "proposed_by" TEXT NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL,
    "confirmed_by" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "panel_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consensus_rounds" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "called_by" TEXT NOT NULL,
    "called_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "spread" DOUBLE PRECISION NOT NULL,
    "outcome" TEXT,
    "concluded_by" TEXT,
    "concluded_at" TIMESTAMPTZ(3),

    CONSTRAINT "consensus_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "expert_ties_expert_id_idx" ON "expert_ties"("expert_id");

-- CreateIndex
CREATE INDEX "conflicts_application_id_idx" ON "conflicts"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "conflicts_expert_id_application_id_kind_key" ON "conflicts"("expert_id", "application_id", "kind");

-- CreateIndex
CREATE INDEX "panel_runs_commission_id_idx" ON "panel_runs"("commission_id");

-- CreateIndex
CREATE INDEX "consensus_rounds_application_id_idx" ON "consensus_rounds"("application_id");

-- CreateIndex
CREATE INDEX "commissions_batch_id_idx" ON "commissions"("batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "experts_institution_id_identity_hash_key" ON "experts"("institution_id", "identity_hash");

-- CreateIndex
CREATE INDEX "review_cases_commission_id_idx" ON "review_cases"("commission_id");

-- AddForeignKey
ALTER TABLE "expert_ties" ADD CONSTRAINT "expert_ties_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "experts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_commission_id_fkey" FOREIGN KEY ("commission_id") REFERENCES "commissions"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill: before this migration a batch had exactly one commission, which held every case of the batch in review.
UPDATE "review_cases" rc SET "commission_id" = c."id" FROM "commissions" c WHERE c."batch_id" = rc."batch_id" AND rc."commission_id" IS NULL AND rc."review_started_at" IS NOT NULL;
UPDATE "assignments" a SET "commission_id" = rc."commission_id" FROM "review_cases" rc WHERE rc."id" = a."application_id" AND a."commission_id" IS NULL;
