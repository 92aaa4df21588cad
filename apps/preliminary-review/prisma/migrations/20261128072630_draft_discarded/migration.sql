-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "draft_discarded" JSONB;

