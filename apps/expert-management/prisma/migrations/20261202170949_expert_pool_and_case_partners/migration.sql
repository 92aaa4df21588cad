-- AlterTable
ALTER TABLE "experts" ADD COLUMN     "identity_type" TEXT;

-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "partners" JSONB NOT NULL DEFAULT '[]';

