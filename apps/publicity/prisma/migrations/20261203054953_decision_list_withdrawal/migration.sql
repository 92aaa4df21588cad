-- AlterTable
ALTER TABLE "decision_lists" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawal_reason" TEXT,
ADD COLUMN     "withdrawn_application_ids" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_by" TEXT,
ADD COLUMN     "withdrawn_by_name" TEXT;

