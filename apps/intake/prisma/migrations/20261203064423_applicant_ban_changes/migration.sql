-- AlterTable
ALTER TABLE "applicant_bans" ADD COLUMN     "lifted_on" TEXT,
ADD COLUMN     "suspended_on" TEXT;

