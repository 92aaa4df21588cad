-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "partners" JSONB NOT NULL DEFAULT '[]';

