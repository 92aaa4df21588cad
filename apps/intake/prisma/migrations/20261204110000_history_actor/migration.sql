-- AlterTable
ALTER TABLE "application_history" ADD COLUMN     "actor_id" TEXT,
ADD COLUMN     "actor_name" TEXT,
ADD COLUMN     "actor_org" TEXT;
