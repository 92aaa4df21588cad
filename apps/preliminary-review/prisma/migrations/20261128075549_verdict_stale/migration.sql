-- AlterTable
ALTER TABLE "material_verdicts" ADD COLUMN     "stale_since" TIMESTAMPTZ(3);

