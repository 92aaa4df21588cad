-- AlterTable
ALTER TABLE "application_versions" ADD COLUMN     "pledge" JSONB;

