-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "materials_required_at_submission" BOOLEAN;
