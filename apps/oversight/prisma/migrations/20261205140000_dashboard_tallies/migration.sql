-- DropIndex
DROP INDEX "application_stages_stage_batch_id_prefecture_id_idx";

-- DropIndex
DROP INDEX "application_stages_stage_prefecture_id_idx";

-- CreateTable
CREATE TABLE "dashboard_tallies" (
    "batch_id" UUID NOT NULL,
    "prefecture_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "dashboard_tallies_pkey" PRIMARY KEY ("batch_id","prefecture_id","metric","key")
);

-- CreateTable
CREATE TABLE "dashboard_generation" (
    "id" INTEGER NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "dashboard_generation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "application_stages_stage_seconds_left_at_batch_id_idx" ON "application_stages"("stage", "seconds", "left_at", "batch_id");

-- CreateIndex
CREATE INDEX "application_stages_stage_batch_id_seconds_left_at_idx" ON "application_stages"("stage", "batch_id", "seconds", "left_at");

-- CreateIndex
CREATE INDEX "application_stages_stage_prefecture_id_seconds_left_at_batc_idx" ON "application_stages"("stage", "prefecture_id", "seconds", "left_at", "batch_id");

-- CreateIndex
CREATE INDEX "application_stages_stage_batch_id_prefecture_id_seconds_lef_idx" ON "application_stages"("stage", "batch_id", "prefecture_id", "seconds", "left_at");


-- The dashboards' counts, kept by the database itself (ADR 0029, amendment of 2026-12-03): every
-- writer (the consumers, the data-set generator, a rebuild) goes through these statement triggers,
-- so dashboard_tallies always equals the sum of each row's contribution. A trigger adds the new
-- rows' contributions and subtracts the old ones', nets them, and upserts the non-zero sums in key
-- order (the same lock order in every transaction); an unchanged fact nets to zero and locks nothing.

-- What one application counts for: its state, its returns and conclusion, and the prefecture deadline
-- (its batch's): met or missed when concluded, else 'pending' (judged against today when read).
CREATE FUNCTION "dashboard_app_tallies"(batch_id uuid, prefecture_id text, state text, return_count int, preliminary_outcome text,
    recognition_id uuid, submitted_at timestamptz, preliminary_concluded_at timestamptz, deadline date)
  RETURNS SETOF "dashboard_tallies" LANGUAGE sql IMMUTABLE AS $$
  SELECT batch_id, coalesce(prefecture_id, ''), t.metric, t.key, t.n
    FROM (VALUES
      ('state', state, 1::bigint),
      ('returned', '', CASE WHEN return_count > 0 THEN 1 ELSE 0 END),
      ('returns', '', return_count::bigint),
      ('outcome', coalesce(preliminary_outcome, ''), CASE WHEN preliminary_outcome IS NULL THEN 0 ELSE 1 END),
      ('recognized', '', CASE WHEN recognition_id IS NULL THEN 0 ELSE 1 END),
      ('prefecture_deadline',
       CASE WHEN preliminary_concluded_at IS NULL THEN 'pending'
            WHEN (preliminary_concluded_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline THEN 'met' ELSE 'missed' END,
       CASE WHEN deadline IS NULL OR submitted_at IS NULL OR (preliminary_concluded_at IS NULL AND state = 'WITHDRAWN') THEN 0 ELSE 1 END)
    ) AS t(metric, key, n)
   WHERE batch_id IS NOT NULL AND t.n <> 0
$$;

-- One return: its deadline met, missed, or due on a date (compared when read), and each item.
CREATE FUNCTION "dashboard_return_tallies"(batch_id uuid, prefecture_id text, deadline date, items text[], resubmitted_at timestamptz)
  RETURNS SETOF "dashboard_tallies" LANGUAGE sql IMMUTABLE AS $$
  SELECT batch_id, coalesce(prefecture_id, ''), 'correction',
         CASE WHEN resubmitted_at IS NULL THEN 'due:' || to_char(deadline, 'YYYY-MM-DD')
              WHEN (resubmitted_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline THEN 'met' ELSE 'late' END, 1::bigint
   WHERE batch_id IS NOT NULL
  UNION ALL
  SELECT batch_id, coalesce(prefecture_id, ''), 'item', i.item, 1::bigint FROM unnest(items) AS i(item) WHERE batch_id IS NOT NULL
$$;

CREATE FUNCTION "dashboard_objection_tallies"(batch_id uuid, prefecture_id text, outcome text)
  RETURNS SETOF "dashboard_tallies" LANGUAGE sql IMMUTABLE AS $$
  SELECT batch_id, coalesce(prefecture_id, ''), 'objection', coalesce(outcome, 'pending'), 1::bigint WHERE batch_id IS NOT NULL
$$;

-- One stage row: completed (it enters the percentiles) and/or open ("in stage").
CREATE FUNCTION "dashboard_stage_tallies"(batch_id uuid, prefecture_id text, stage text, left_at timestamptz, open_since timestamptz)
  RETURNS SETOF "dashboard_tallies" LANGUAGE sql IMMUTABLE AS $$
  SELECT batch_id, coalesce(prefecture_id, ''), 'done', stage, 1::bigint WHERE batch_id IS NOT NULL AND left_at IS NOT NULL
  UNION ALL
  SELECT batch_id, coalesce(prefecture_id, ''), 'open', stage, 1::bigint WHERE batch_id IS NOT NULL AND open_since IS NOT NULL
$$;

-- Nets the deltas and upserts the non-zero sums, in key order.
CREATE FUNCTION "dashboard_add"(d "dashboard_tallies"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "dashboard_tallies" AS t (batch_id, prefecture_id, metric, key, n)
  SELECT x.batch_id, x.prefecture_id, x.metric, x.key, sum(x.n) FROM unnest(d) AS x
   GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (batch_id, prefecture_id, metric, key) DO UPDATE SET n = t.n + EXCLUDED.n
$$;

-- The same row's contribution with the opposite sign.
CREATE FUNCTION "dashboard_negated"(c "dashboard_tallies") RETURNS "dashboard_tallies" LANGUAGE sql IMMUTABLE AS $$
  SELECT (c.batch_id, c.prefecture_id, c.metric, c.key, -c.n)::"dashboard_tallies"
$$;

-- Per batch, in id order: shared by the applications' writers, exclusive for a batch's re-tally.
CREATE FUNCTION "dashboard_batch_lock"(ids uuid[], shared boolean) RETURNS void LANGUAGE sql AS $$
  SELECT CASE WHEN shared THEN pg_advisory_xact_lock_shared(hashtext('dashboard-batch:' || id::text))
              ELSE pg_advisory_xact_lock(hashtext('dashboard-batch:' || id::text)) END
    FROM (SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id) x
$$;

CREATE FUNCTION "dashboard_applications_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE d "dashboard_tallies"[] := '{}';
BEGIN
  -- A batch whose deadline changes re-tallies its applications (dashboard_batches_changed): wait
  -- for it, then read its deadline in the next statement's snapshot.
  IF TG_OP <> 'DELETE' THEN PERFORM "dashboard_batch_lock"(ARRAY(SELECT DISTINCT batch_id FROM new_rows), true); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM "dashboard_batch_lock"(ARRAY(SELECT DISTINCT batch_id FROM old_rows), true); END IF;
  IF TG_OP <> 'DELETE' THEN
    d := d || ARRAY(SELECT c FROM new_rows x LEFT JOIN batches b ON b.id = x.batch_id, "dashboard_app_tallies"(x.batch_id, x.prefecture_id, x.state,
                      x.return_count, x.preliminary_outcome, x.recognition_id, x.submitted_at, x.preliminary_concluded_at, b.prefecture_deadline::date) c);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    d := d || ARRAY(SELECT "dashboard_negated"(c) FROM old_rows x LEFT JOIN batches b ON b.id = x.batch_id, "dashboard_app_tallies"(x.batch_id, x.prefecture_id,
                      x.state, x.return_count, x.preliminary_outcome, x.recognition_id, x.submitted_at, x.preliminary_concluded_at, b.prefecture_deadline::date) c);
  END IF;
  -- Returns and objections count under their application's batch and prefecture: when these
  -- change, or the application's row arrives after them, their contributions move with it.
  IF TG_OP = 'INSERT' THEN
    d := d || ARRAY(SELECT c FROM new_rows x JOIN correction_returns r ON r.application_id = x.id,
                      "dashboard_return_tallies"(x.batch_id, x.prefecture_id, r.deadline, r.items, r.resubmitted_at) c)
           || ARRAY(SELECT c FROM new_rows x JOIN objections o ON o.application_id = x.id,
                      "dashboard_objection_tallies"(x.batch_id, x.prefecture_id, o.outcome) c);
  ELSIF TG_OP = 'UPDATE' THEN
    d := d || ARRAY(SELECT (c.batch_id, c.prefecture_id, c.metric, c.key, c.n)::"dashboard_tallies" FROM new_rows x JOIN old_rows y ON y.id = x.id AND (y.batch_id, y.prefecture_id) IS DISTINCT FROM (x.batch_id, x.prefecture_id)
                      JOIN correction_returns r ON r.application_id = x.id,
                      LATERAL (SELECT * FROM "dashboard_return_tallies"(x.batch_id, x.prefecture_id, r.deadline, r.items, r.resubmitted_at)
                               UNION ALL
                               SELECT (("dashboard_negated"(z)).*) FROM "dashboard_return_tallies"(y.batch_id, y.prefecture_id, r.deadline, r.items, r.resubmitted_at) z) c)
           || ARRAY(SELECT (c.batch_id, c.prefecture_id, c.metric, c.key, c.n)::"dashboard_tallies" FROM new_rows x JOIN old_rows y ON y.id = x.id AND (y.batch_id, y.prefecture_id) IS DISTINCT FROM (x.batch_id, x.prefecture_id)
                      JOIN objections o ON o.application_id = x.id,
                      LATERAL (SELECT * FROM "dashboard_objection_tallies"(x.batch_id, x.prefecture_id, o.outcome)
                               UNION ALL
                               SELECT (("dashboard_negated"(z)).*) FROM "dashboard_objection_tallies"(y.batch_id, y.prefecture_id, o.outcome) z) c);
  END IF;
  PERFORM "dashboard_add"(d);
  RETURN NULL;
END
$$;

CREATE FUNCTION "dashboard_returns_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE d "dashboard_tallies"[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    d := d || ARRAY(SELECT c FROM new_rows x LEFT JOIN applications a ON a.id = x.application_id,
                      "dashboard_return_tallies"(a.batch_id, a.prefecture_id, x.deadline, x.items, x.resubmitted_at) c);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    d := d || ARRAY(SELECT "dashboard_negated"(c) FROM old_rows x LEFT JOIN applications a ON a.id = x.application_id,
                      "dashboard_return_tallies"(a.batch_id, a.prefecture_id, x.deadline, x.items, x.resubmitted_at) c);
  END IF;
  PERFORM "dashboard_add"(d);
  RETURN NULL;
END
$$;

CREATE FUNCTION "dashboard_objections_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE d "dashboard_tallies"[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    d := d || ARRAY(SELECT c FROM new_rows x LEFT JOIN applications a ON a.id = x.application_id,
                      "dashboard_objection_tallies"(a.batch_id, a.prefecture_id, x.outcome) c);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    d := d || ARRAY(SELECT "dashboard_negated"(c) FROM old_rows x LEFT JOIN applications a ON a.id = x.application_id,
                      "dashboard_objection_tallies"(a.batch_id, a.prefecture_id, x.outcome) c);
  END IF;
  PERFORM "dashboard_add"(d);
  RETURN NULL;
END
$$;

-- A batch opened, or its deadline moved: its applications' prefecture-deadline tallies again.
CREATE FUNCTION "dashboard_batches_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    ids := ARRAY(SELECT x.id FROM new_rows x JOIN old_rows y ON y.id = x.id WHERE x.prefecture_deadline IS DISTINCT FROM y.prefecture_deadline);
  ELSE ids := ARRAY(SELECT id FROM old_rows);
  END IF;
  IF cardinality(ids) = 0 THEN RETURN NULL; END IF;
  PERFORM "dashboard_batch_lock"(ids, false);
  DELETE FROM "dashboard_tallies" WHERE metric = 'prefecture_deadline' AND batch_id = ANY (ids);
  INSERT INTO "dashboard_tallies" (batch_id, prefecture_id, metric, key, n)
  SELECT c.batch_id, c.prefecture_id, c.metric, c.key, sum(c.n)
    FROM applications x LEFT JOIN batches b ON b.id = x.batch_id, "dashboard_app_tallies"(x.batch_id, x.prefecture_id, x.state,
         x.return_count, x.preliminary_outcome, x.recognition_id, x.submitted_at, x.preliminary_concluded_at, b.prefecture_deadline::date) c
   WHERE x.batch_id = ANY (ids) AND c.metric = 'prefecture_deadline'
   GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 ORDER BY 1, 2, 3, 4;
  RETURN NULL;
END
$$;

CREATE FUNCTION "dashboard_stages_changed"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE d "dashboard_tallies"[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    d := d || ARRAY(SELECT c FROM new_rows x, "dashboard_stage_tallies"(x.batch_id, x.prefecture_id, x.stage, x.left_at, x.open_since) c);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    d := d || ARRAY(SELECT "dashboard_negated"(c) FROM old_rows x, "dashboard_stage_tallies"(x.batch_id, x.prefecture_id, x.stage, x.left_at, x.open_since) c);
  END IF;
  PERFORM "dashboard_add"(d);
  RETURN NULL;
END
$$;

CREATE TRIGGER "applications_tally_insert" AFTER INSERT ON "applications" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_applications_changed"();
CREATE TRIGGER "applications_tally_update" AFTER UPDATE ON "applications" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_applications_changed"();
CREATE TRIGGER "applications_tally_delete" AFTER DELETE ON "applications" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_applications_changed"();
CREATE TRIGGER "correction_returns_tally_insert" AFTER INSERT ON "correction_returns" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_returns_changed"();
CREATE TRIGGER "correction_returns_tally_update" AFTER UPDATE ON "correction_returns" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_returns_changed"();
CREATE TRIGGER "correction_returns_tally_delete" AFTER DELETE ON "correction_returns" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_returns_changed"();
CREATE TRIGGER "objections_tally_insert" AFTER INSERT ON "objections" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_objections_changed"();
CREATE TRIGGER "objections_tally_update" AFTER UPDATE ON "objections" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_objections_changed"();
CREATE TRIGGER "objections_tally_delete" AFTER DELETE ON "objections" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_objections_changed"();
CREATE TRIGGER "application_stages_tally_insert" AFTER INSERT ON "application_stages" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_stages_changed"();
CREATE TRIGGER "application_stages_tally_update" AFTER UPDATE ON "application_stages" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_stages_changed"();
CREATE TRIGGER "application_stages_tally_delete" AFTER DELETE ON "application_stages" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_stages_changed"();
CREATE TRIGGER "batches_tally_insert" AFTER INSERT ON "batches" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_batches_changed"();
CREATE TRIGGER "batches_tally_update" AFTER UPDATE ON "batches" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_batches_changed"();
CREATE TRIGGER "batches_tally_delete" AFTER DELETE ON "batches" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_batches_changed"();

-- The generation, the dashboards' cache key: each transaction that changes what they read adds one,
-- to one of 16 rows (by transaction id: concurrent writers seldom wait on each other), and a
-- reader takes the sum. Visible when that transaction commits, so a cached dashboard is never
-- older than the committed rows it was keyed with.
INSERT INTO "dashboard_generation" (id, n) SELECT i, 0 FROM generate_series(0, 15) AS i;
CREATE FUNCTION "dashboard_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tx bigint := txid_current();
BEGIN
  IF current_setting('firstset.dashboard_bumped', true) IS DISTINCT FROM tx::text THEN
    PERFORM set_config('firstset.dashboard_bumped', tx::text, true);
    EXECUTE format('UPDATE %I."dashboard_generation" SET n = n + 1 WHERE id = $1', TG_TABLE_SCHEMA) USING (tx % 16)::int;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "applications_dashboard_bump" AFTER INSERT OR UPDATE OR DELETE ON "applications" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_bump"();
CREATE TRIGGER "application_stages_dashboard_bump" AFTER INSERT OR UPDATE OR DELETE ON "application_stages" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_bump"();
CREATE TRIGGER "correction_returns_dashboard_bump" AFTER INSERT OR UPDATE OR DELETE ON "correction_returns" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_bump"();
CREATE TRIGGER "objections_dashboard_bump" AFTER INSERT OR UPDATE OR DELETE ON "objections" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_bump"();
CREATE TRIGGER "sanctions_dashboard_bump" AFTER INSERT OR UPDATE OR DELETE ON "sanctions" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_bump"();
CREATE TRIGGER "batches_dashboard_bump" AFTER INSERT OR UPDATE OR DELETE ON "batches" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_bump"();

-- From scratch: the sum of every row's contribution (the backfill below, and the tests' reference).
CREATE FUNCTION "dashboard_tallies_of_rows"() RETURNS SETOF "dashboard_tallies" LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT c.batch_id, c.prefecture_id, c.metric, c.key, sum(c.n)::bigint FROM (
    SELECT c.* FROM applications x LEFT JOIN batches b ON b.id = x.batch_id, "dashboard_app_tallies"(x.batch_id, x.prefecture_id, x.state,
             x.return_count, x.preliminary_outcome, x.recognition_id, x.submitted_at, x.preliminary_concluded_at, b.prefecture_deadline::date) c
    UNION ALL
    SELECT c.* FROM correction_returns x JOIN applications a ON a.id = x.application_id,
             "dashboard_return_tallies"(a.batch_id, a.prefecture_id, x.deadline, x.items, x.resubmitted_at) c
    UNION ALL
    SELECT c.* FROM objections x JOIN applications a ON a.id = x.application_id, "dashboard_objection_tallies"(a.batch_id, a.prefecture_id, x.outcome) c
    UNION ALL
    SELECT c.* FROM application_stages x, "dashboard_stage_tallies"(x.batch_id, x.prefecture_id, x.stage, x.left_at, x.open_since) c
  ) c GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0
$$;

CREATE FUNCTION "dashboard_rebuild"() RETURNS void LANGUAGE sql SET search_path FROM CURRENT AS $$
  LOCK TABLE "dashboard_tallies" IN EXCLUSIVE MODE;
  DELETE FROM "dashboard_tallies";
  INSERT INTO "dashboard_tallies" SELECT * FROM "dashboard_tallies_of_rows"();
  UPDATE "dashboard_generation" SET n = n + 1 WHERE id = 0;
$$;

SELECT "dashboard_rebuild"();
