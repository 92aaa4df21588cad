-- AlterTable
ALTER TABLE "institutions" ADD COLUMN     "work_suspended_from" TEXT,
ADD COLUMN     "work_suspension_case" TEXT;

-- AlterTable
ALTER TABLE "experts" ADD COLUMN     "work_suspended_from" TEXT,
ADD COLUMN     "work_suspension_case" TEXT;
