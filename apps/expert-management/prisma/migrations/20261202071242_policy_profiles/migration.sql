-- AlterTable
ALTER TABLE "review_cases" ADD COLUMN     "policy_profile_id" TEXT NOT NULL DEFAULT 'nmg-first-set',
ADD COLUMN     "policy_profile_version" TEXT NOT NULL DEFAULT 'draft';

