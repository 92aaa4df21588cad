-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "catalogue_entry_code" TEXT,
ADD COLUMN     "credit" JSONB,
ADD COLUMN     "flags" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "review_cases_prefecture_id_catalogue_entry_code_idx" ON "review_cases"("prefecture_id", "catalogue_entry_code");

