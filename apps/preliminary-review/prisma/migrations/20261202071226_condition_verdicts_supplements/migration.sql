-- DropIndex
DROP INDEX "summaries_batch_id_prefecture_id_key";

-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "declarations" JSONB;

-- AlterTable
ALTER TABLE "summaries" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supplement_of" UUID;

-- CreateTable
CREATE TABLE "condition_verdicts" (
    "case_id" UUID NOT NULL,
    "condition_id" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "note" TEXT,
    "reviewed_by" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL,
    "stale_since" TIMESTAMPTZ(3),

    CONSTRAINT "condition_verdicts_pkey" PRIMARY KEY ("case_id","condition_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "summaries_batch_id_prefecture_id_sequence_key" ON "summaries"("batch_id", "prefecture_id", "sequence");

-- AddForeignKey
ALTER TABLE "condition_verdicts" ADD CONSTRAINT "condition_verdicts_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "review_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

