-- AlterTable
ALTER TABLE "institutions" ADD COLUMN     "ban_suspended_on" TEXT;
