-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "correction_answers" JSONB NOT NULL DEFAULT '[]';

