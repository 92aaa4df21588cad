-- AlterTable
ALTER TABLE "idempotency_records" ADD COLUMN     "request_hash" TEXT;
