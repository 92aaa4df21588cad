-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawal_reason" TEXT;
