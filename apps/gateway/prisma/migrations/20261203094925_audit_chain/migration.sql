-- AlterTable
ALTER TABLE "audit_records" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prev_hash" TEXT,
ADD COLUMN     "seq" BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "audit_records_seq_key" ON "audit_records"("seq");


-- Platform: the audit log is a hash chain (ADR 0027). Still append-only: the one UPDATE allowed
-- seals a record written before the chain existed (seq and hash still NULL) by adding its chain
-- fields and changing nothing it says; the service does this once, at start-up, under the chain
-- lock. A new record must arrive sealed, so an old binary cannot lengthen the log unchained.
CREATE OR REPLACE FUNCTION "audit_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."seq" IS NULL OR NEW."prev_hash" IS NULL OR NEW."hash" IS NULL THEN
      RAISE EXCEPTION 'audit_records: a record must be chained (seq, prev_hash, hash)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."seq" IS NULL AND OLD."hash" IS NULL
     AND NEW."seq" IS NOT NULL AND NEW."prev_hash" IS NOT NULL AND NEW."hash" IS NOT NULL
     AND (NEW."id", NEW."occurred_at", NEW."actor_id", NEW."actor_role", NEW."jurisdiction", NEW."action",
          NEW."object_type", NEW."object_id", NEW."outcome", NEW."request_id", NEW."detail")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."occurred_at", OLD."actor_id", OLD."actor_role", OLD."jurisdiction", OLD."action",
          OLD."object_type", OLD."object_id", OLD."outcome", OLD."request_id", OLD."detail") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_records is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_records_sealed_insert" BEFORE INSERT ON "audit_records"
  FOR EACH ROW EXECUTE FUNCTION "audit_records_append_only"();
