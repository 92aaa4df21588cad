-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "policy_profile_id" TEXT NOT NULL DEFAULT 'nmg-first-set',
ADD COLUMN     "policy_profile_version" TEXT NOT NULL DEFAULT 'draft';

-- AlterTable
ALTER TABLE "batches" ADD COLUMN     "policy_profile_id" TEXT NOT NULL DEFAULT 'nmg-first-set';


-- M15: an application is judged by its batch's profile; existing applications take their batch's version.
UPDATE "applications" a SET "policy_profile_version" = b."policy_profile_version"
  FROM "batches" b WHERE b."id" = a."batch_id";
