-- AlterTable
ALTER TABLE "candidates" ADD COLUMN     "report" JSONB;

