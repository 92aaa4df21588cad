-- AlterTable
ALTER TABLE "candidates" ADD COLUMN     "field_code" TEXT;

