#!/usr/bin/env node
// The platform at scale (npm run seed:scale; issue 21 item 3): 100,000 applications over five
// years' batches (two a year) and the 12 prefectures, from a few thousand enterprises, written in
// bulk SQL into every service's migrated schema, consistent across them: the same application ids,
// numbers, enterprises and prefectures in intake (applications, versions, history, notifications),
// preliminary review (cases), expert management (review cases), publicity (candidates, decision
// lists, publicities, documents, recognitions and their events), compliance (recognitions, cases
// and sanctions), oversight (its projection, by scripts/generate-applications.mjs, which also
// draws every application's life) and every service's audit records, chained (ADR 0027) by the
// services' own function. Accounts come from scripts/seed-demo.mjs (run first); the demo
// enterprise `northsteel` is one of Baotou's busiest applicants.
//
// Rows are written as the services' write paths would leave them, not through them: a million
// events through JetStream would take the better part of an hour and measure the consumers.
//
//   DB_SCHEMA_PREFIX=x_ node scripts/seed-scale.mjs [--applications 100000] [--enterprises 4000] [--seed 21] [--as-of 2026-12-03]
// Needs the apps built and every schema migrated and empty (scripts/migrate-all.mjs).
import { createHash, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateApplications, PREFECTURES } from './generate-applications.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { sealAfter, GENESIS_HASH } = require(join(root, 'packages', 'service-kit', 'dist', 'audit-chain.js'));

/** The demo enterprise (scripts/demo-data.json): Baotou's first, so one of its busiest applicants. */
export const BENCH_ENTERPRISE = { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', prefectureId: '150200' };
const PREFECTURE_NAMES = {
  150100: '呼和浩特', 150200: '包头', 150300: '乌海', 150400: '赤峰', 150500: '通辽', 150600: '鄂尔多斯',
  150700: '呼伦贝尔', 150800: '巴彦淖尔', 150900: '乌兰察布', 152200: '兴安盟', 152500: '锡林郭勒盟', 152900: '阿拉善盟',
};
const PRODUCTS = [
  ['FIRST_SET_EQUIPMENT', '矿用电动轮自卸车'], ['FIRST_SET_EQUIPMENT', '大功率风力发电机组'], ['FIRST_SET_EQUIPMENT', '智能化综采工作面成套装备'],
  ['FIRST_SET_EQUIPMENT', '稀土永磁同步电机'], ['FIRST_BATCH_COMPONENT', '高压大流量液压支架阀组'], ['FIRST_BATCH_COMPONENT', '重载齿轮箱'],
  ['FIRST_BATCH_MATERIAL', '高性能钕铁硼永磁材料'], ['FIRST_BATCH_MATERIAL', '电子级多晶硅'], ['FIRST_BATCH_MATERIAL', '高纯石墨负极材料'],
];
const FIELDS = ['EF01', 'EF02', 'EF03', 'EF04', 'EF05', 'EF06', 'EF07', 'EF08'];
const SYSTEM = 'system:seed-scale';
const DAY = 86400_000;

const chinaDay = (d) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addYears = (day, n) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`;

/** Rows as objects keyed by column; one INSERT … SELECT FROM jsonb_populate_recordset per 5,000 (columns left out take their defaults). */
async function bulk(pg, schema, table, rows) {
  const cols = Object.keys(rows[0] ?? {});
  const list = cols.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += 5000) {
    await pg.query(
      `INSERT INTO "${schema}"."${table}" (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::"${schema}"."${table}", $1::jsonb)`,
      [JSON.stringify(rows.slice(i, i + 5000))],
    );
  }
  return rows.length;
}

/** An audit record as the services' AuditRecorder writes it (chained later, per schema). */
const auditOf = (at, actorId, actorRole, jurisdiction, action, objectType, objectId, detail = {}) => ({
  id: randomUUID(), occurredAt: new Date(at).toISOString(), actorId, actorRole, jurisdiction, action, objectType, objectId, outcome: 'succeeded', requestId: randomUUID(), detail,
});

export async function seedScale(pg, { prefix = '', count = 100_000, enterprises = 4000, seed = 21, asOf = chinaDay(new Date()) } = {}) {
  const s = (name) => `${prefix}${name.replace(/-/g, '_')}`;
  const cutoff = new Date(`${asOf}T23:59:59+08:00`).getTime();
  const written = {};
  const add = (key, n) => (written[key] = (written[key] ?? 0) + n);

  // Officers who acted (their ids in audit records and case assignments): one per prefecture, plus the Department's.
  const officer = Object.fromEntries(PREFECTURES.map(([p]) => [p, randomUUID()]));
  const department = randomUUID();

  // Enterprises: `enterprises` in all, shared among prefectures by their weights.
  const total = PREFECTURES.reduce((t, [, w]) => t + w, 0);
  const perPrefecture = Object.fromEntries(PREFECTURES.map(([p, w]) => [p, Math.max(20, Math.round((enterprises * w) / total))]));
  const usccOf = (p, k) => (p === BENCH_ENTERPRISE.prefectureId && k === 0 ? BENCH_ENTERPRISE.uscc : `9115${p.slice(2, 4)}00MA${String(k).padStart(7, '0')}X`);
  const enterpriseRows = PREFECTURES.flatMap(([p]) =>
    Array.from({ length: perPrefecture[p] }, (_, k) => ({
      uscc: usccOf(p, k),
      name: p === BENCH_ENTERPRISE.prefectureId && k === 0 ? BENCH_ENTERPRISE.name : `${PREFECTURE_NAMES[p]}第${k + 1}装备制造有限公司`,
      registered_address: `${PREFECTURE_NAMES[p]}市经济技术开发区${k + 1}号`,
      address_division_code: `${p.slice(0, 4)}02`,
      prefecture_id: p,
      uscc_check_ok: true,
      profile: {},
      updated_at: new Date().toISOString(),
    })),
  );
  const enterpriseByUscc = new Map(enterpriseRows.map((e) => [e.uscc, e]));
  add('intake.enterprises', await bulk(pg, s('intake'), 'enterprises', enterpriseRows));

  // Numbers as intake gives them: year, prefecture, a global serial.
  let serial = 0;
  const numbers = new Map();
  const numberOf = (a, batch) => {
    if (!numbers.has(a.id)) numbers.set(a.id, `${batch.year}-${a.prefectureId}-${String(++serial).padStart(5, '0')}`);
    return numbers.get(a.id);
  };

  const audit = { intake: [], 'preliminary-review': [], 'expert-management': [], publicity: [], compliance: [], gateway: [] };
  let chunk = newChunk();
  function newChunk() {
    return { applications: [], versions: [], history: [], notifications: [], cases: [], reviews: [], candidates: [], recognitions: [], events: [], crecognitions: [], ccases: [], sanctions: [] };
  }
  // Per batch: its selected applications (a decision list each) and the recognitions of its document.
  const listsByBatch = new Map();
  const seenBatches = new Map();
  let n = 0;

  const each = (a, batch, rows) => {
    seenBatches.set(batch.id, batch);
    const i = n++;
    const [id, applicationNo, batchId, prefectureId, uscc, , state, submittedAt] = rows.app;
    const ent = enterpriseByUscc.get(uscc);
    const [productKind, productName] = PRODUCTS[i % PRODUCTS.length];
    const series = `S${(i % 37) + 1}`;
    const model = `${series}-${i}`;
    const fieldCode = productKind === 'FIRST_BATCH_MATERIAL' ? null : FIELDS[i % FIELDS.length];
    const marks = rows.marks.map(([, kind, at]) => ({ kind, at: new Date(at) }));
    const at = (kind) => marks.find((m) => m.kind === kind)?.at;
    const created = marks[0].at;
    const submissions = marks.filter((m) => m.kind === 'submitted' || m.kind === 'resubmitted');
    const lastReturn = a.returns.filter((x) => x.returnedAt.getTime() <= cutoff).at(-1);
    const correction = state === 'RETURNED_FOR_CORRECTION' && lastReturn ? { items: lastReturn.items.map((slotId) => ({ slotId, note: '请补正 / Please correct' })), deadline: lastReturn.deadline } : null;
    const updatedAt = marks.at(-1).at;
    const form = { productKind, productName, series, model, rdCompletedOn: `${batch.year - 1}-06-30` };
    const entActor = `enterprise-user-${uscc}`;
    chunk.applications.push({
      id, application_no: applicationNo, batch_id: batchId, enterprise_uscc: uscc, prefecture_id: prefectureId,
      product_kind: productKind, product_name: productName, series, model, rd_completed_on: form.rdCompletedOn, state,
      version: Math.max(1, submissions.length), revision: 1 + submissions.length, draft: { firstSale: { date: `${batch.year}-01-15`, customer: '内蒙古某矿业集团有限公司' } },
      correction, rejection: state === 'REJECTED_AT_PRELIMINARY_REVIEW' ? { reason: '不符合申报条件 / Not eligible', articles: ['M6.1'] } : null,
      submitted_at: submittedAt, created_at: created, updated_at: updatedAt,
    });
    audit.intake.push(auditOf(created, entActor, 'enterprise', `enterprise:${uscc}`, 'application.create', 'application', id, { applicationNo }));
    submissions.forEach((m, v) => {
      chunk.versions.push({ id: randomUUID(), application_id: id, version: v + 1, snapshot: { ...form, applicationNo }, changes: [], submitted_at: m.at });
      audit.intake.push(auditOf(m.at, entActor, 'enterprise', `enterprise:${uscc}`, v === 0 ? 'application.submit' : 'application.resubmit', 'application', id, { version: v + 1 }));
    });
    // The timeline the enterprise reads, and its inbox.
    let from = null;
    for (const m of marks) {
      const to = STATE_AFTER[m.kind] ?? from;
      chunk.history.push({ id: randomUUID(), application_id: id, from_state: from, to_state: to, action: m.kind, actor_role: ACTOR_OF[m.kind] ?? 'system', reason: null, occurred_at: m.at });
      from = to;
      const kind = NOTIFIED[m.kind];
      if (kind) {
        chunk.notifications.push({
          id: randomUUID(), enterprise_uscc: uscc, application_id: id, kind, title_zh: `申报 ${applicationNo}：${kind}`, title_en: `Application ${applicationNo}: ${kind}`,
          body: `${productName} ${model}`, occurred_at: m.at, read_at: m.at.getTime() < cutoff - 30 * DAY ? new Date(m.at.getTime() + DAY) : null, source_event_id: randomUUID(),
        });
      }
    }
    if (!submittedAt) return;

    // Preliminary review: the prefecture's case, from the first submission on.
    const prelimState = PRELIM_STATES.has(state) ? state : at('rejected') ? 'REJECTED_AT_PRELIMINARY_REVIEW' : 'RECOMMENDED';
    const received = submissions.at(-1).at;
    const concluded = at('recommended') ?? at('rejected');
    chunk.cases.push({
      id, batch_id: batchId, application_no: applicationNo, application_version: Math.max(1, submissions.length), prefecture_id: prefectureId,
      enterprise_uscc: uscc, enterprise_name: ent.name, enterprise_address: ent.registered_address, product_kind: productKind, product_name: productName,
      series, model, rd_completed_on: form.rdCompletedOn, catalogue_entry_code: fieldCode, state: prelimState, version: marks.length,
      received_at: received, source_event_id: randomUUID(), created_at: new Date(submittedAt), updated_at: updatedAt,
      resubmitted: submissions.length > 1, previous_version: submissions.length > 1 ? submissions.length - 1 : null,
      // Half the open cases are claimed by the prefecture's officer.
      assignee_id: (i & 1) === 0 || concluded ? officer[prefectureId] : null,
      assigned_by: (i & 1) === 0 || concluded ? officer[prefectureId] : null,
      correction_items: correction ? correction.items : [], correction_deadline: correction?.deadline ?? null,
      decided_by: concluded ? officer[prefectureId] : null, decided_at: concluded ?? null,
      opinion: at('recommended') ? '材料齐全，符合条件，同意推荐 / Complete and eligible; recommended' : null,
      withdrawn_at: state === 'WITHDRAWN' ? at('withdrawn') : null,
    });
    const jur = `prefecture:${prefectureId}`;
    for (const m of marks) {
      const action = { returned: 'review.return', rejected: 'review.reject', recommended: 'review.recommend' }[m.kind];
      if (action) audit['preliminary-review'].push(auditOf(m.at, officer[prefectureId], 'prefecture_officer', jur, action, 'application', id, { applicationNo }));
    }
    if (!at('summarized')) return;

    // Comprehensive review by the institution's experts.
    const score = 60 + ((i * 7919) % 400) / 10;
    const reviewed = at('reviewed');
    chunk.reviews.push({
      id, batch_id: batchId, application_no: applicationNo, prefecture_id: prefectureId, enterprise_uscc: uscc, enterprise_name: ent.name,
      enterprise_address: ent.registered_address, product_kind: productKind, product_name: productName, series, model, rd_completed_on: form.rdCompletedOn,
      field_code: fieldCode, recommendation_opinion: '同意推荐 / Recommended', recommended_at: at('recommended'),
      state: reviewed ? 'REVIEWED' : at('review_started') ? 'UNDER_COMPREHENSIVE_REVIEW' : 'RECOMMENDED', version: 3,
      review_started_at: at('review_started') ?? null, score: reviewed ? score : null, opinion: reviewed ? '技术先进，建议认定 / Advanced; recommended for recognition' : null,
      reviewed_at: reviewed ?? null, created_at: at('summarized'), updated_at: updatedAt,
    });
    if (reviewed) audit['expert-management'].push(auditOf(reviewed, 'institution-staff', 'institution_staff', 'institution:seed', 'review.conclude', 'application', id, { score }));
    if (!reviewed) return;

    // The Department's decision, publicity and recognition.
    const recognized = at('recognized');
    const candState = PUBLICITY_STATES.has(state) ? state : state === 'REVOKED' ? 'RECOGNIZED' : at('selected') ? 'ON_DECISION_LIST' : 'REVIEWED';
    const decidedOut = at('not_selected');
    chunk.candidates.push({
      application_id: id, batch_id: batchId, application_no: applicationNo, prefecture_id: prefectureId, uscc, enterprise_name: ent.name,
      registered_address: ent.registered_address, product_kind: productKind, product_name: productName, series, model, rd_completed_on: form.rdCompletedOn,
      field_code: fieldCode, score: Math.round(score), opinion: '技术先进 / Advanced', reviewed_at: reviewed, state: candState,
      decision: at('selected') ? 'selected' : decidedOut ? 'not_selected' : null, decision_reason: decidedOut ? '综合评分排序未入选 / Below the line' : null,
      decision_list_id: null, created_at: reviewed, updated_at: updatedAt,
    });
    if (at('selected') || decidedOut) {
      const l = listsByBatch.get(batchId) ?? { batch, decidedAt: at('selected') ?? decidedOut, selected: [], recognized: [], candidates: [] };
      listsByBatch.set(batchId, l);
      if (at('selected')) {
        l.selected.push({ id, applicationNo, prefectureId, uscc, enterpriseName: ent.name, productName, model });
        l.candidates.push(id);
      }
      if (at('publicity_started')) l.publicityStart ??= at('publicity_started');
    }
    if (!recognized) return;
    const l = listsByBatch.get(batchId);
    const revoked = at('revoked');
    const documentDate = chinaDay(recognized);
    const validUntil = addYears(documentDate, 3);
    const rec = {
      id: a.recognitionId, application_id: id, prefecture_id: prefectureId, field_code: fieldCode, year: batch.year, valid_from: documentDate,
      valid_until: validUntil, uscc, enterprise_name: ent.name, product_kind: productKind, product_name: productName, series, model, issued_at: recognized,
      revoked_on: revoked ? chinaDay(revoked) : null, revocation_id: revoked ? randomUUID() : null,
      revocation_notice: revoked ? '以不正当手段取得认定，撤销认定 / Revoked: obtained by improper means' : null,
      // Document number and certificate number are filled in when the batch's document is numbered.
      _documentDate: documentDate,
    };
    l.recognized.push(rec);
    chunk.events.push({ id: randomUUID(), recognition_id: rec.id, kind: 'issued', occurred_on: documentDate, occurred_at: recognized, actor_id: department, detail: {} });
    if (revoked) chunk.events.push({ id: randomUUID(), recognition_id: rec.id, kind: 'revoked', occurred_on: chinaDay(revoked), occurred_at: revoked, actor_id: department, detail: {} });
    audit.publicity.push(auditOf(recognized, department, 'department_officer', 'region', 'recognition.issue', 'application', id, { applicationNo }));
    chunk.crecognitions.push({
      id: rec.id, application_id: id, uscc, enterprise_name: ent.name, product_kind: productKind, product_name: productName, series, model,
      document_no: '', document_date: documentDate, valid_from: documentDate, valid_until: validUntil, state: revoked ? 'REVOKED' : validUntil < asOf ? 'EXPIRED' : 'RECOGNIZED',
      issued_at: recognized, updated_at: updatedAt, prefecture_id: prefectureId,
    });
    for (const x of a.sanctions.filter((x) => x.imposedAt.getTime() <= cutoff)) {
      const caseId = randomUUID();
      const day = chinaDay(x.imposedAt);
      chunk.ccases.push({
        id: caseId, case_no: `GZ-${day.slice(0, 4)}-${x.id.slice(0, 8)}`, subject_kind: x.subjectKind, subject_id: x.subjectId, subject_name: ent.name, subject_uscc: uscc,
        intended_measure: x.measure, grounds: ['M10.2'], facts: '以不正当手段取得认定 / Recognition obtained by improper means', status: 'DECIDED',
        outcome: 'imposed', decision_date: day, decided_by: department, opened_by: department, opened_at: new Date(x.imposedAt.getTime() - 20 * DAY), updated_at: x.imposedAt,
      });
      chunk.sanctions.push({
        id: x.id, case_id: caseId, measure: x.measure, subject_kind: x.subjectKind, subject_id: x.subjectId, subject_name: ent.name, subject_uscc: uscc,
        grounds: ['M10.2'], facts: '以不正当手段取得认定', reasons: '依据 M10.2 / Under M10.2', decision_date: day, from_date: day,
        until_date: x.measure === 'applicant_ban' ? addYears(day, 3) : null, notified_on: day, decision_notice: `内工信处罚〔${day.slice(0, 4)}〕号`,
        policy_profile_id: 'nmg-first-set', policy_profile_version: 'draft', created_at: x.imposedAt,
      });
      audit.compliance.push(auditOf(x.imposedAt, department, 'department_officer', 'region', 'sanction.impose', 'sanction', x.id, { measure: x.measure, applicationId: id }));
    }
  };

  // Recognitions wait for their document's number; everything else goes per chunk.
  const pendingRecognitions = [];
  const afterChunk = async () => {
    const c = chunk;
    chunk = newChunk();
    add('intake.applications', await bulk(pg, s('intake'), 'applications', c.applications));
    add('intake.application_versions', await bulk(pg, s('intake'), 'application_versions', c.versions));
    add('intake.application_history', await bulk(pg, s('intake'), 'application_history', c.history));
    add('intake.notifications', await bulk(pg, s('intake'), 'notifications', c.notifications));
    add('preliminary_review.review_cases', await bulk(pg, s('preliminary-review'), 'review_cases', c.cases));
    add('expert_management.review_cases', await bulk(pg, s('expert-management'), 'review_cases', c.reviews));
    add('publicity.candidates', await bulk(pg, s('publicity'), 'candidates', c.candidates));
    pendingRecognitions.push(...c.events.map((e) => ['events', e]));
    add('compliance.recognitions', await bulk(pg, s('compliance'), 'recognitions', c.crecognitions));
    add('compliance.compliance_cases', await bulk(pg, s('compliance'), 'compliance_cases', c.ccases));
    add('compliance.sanctions', await bulk(pg, s('compliance'), 'sanctions', c.sanctions));
  };

  const onBatches = async (bs) => {
    // Batches in intake and preliminary review (publicity and expert management keep none).
    add('intake.batches', await bulk(pg, s('intake'), 'batches', bs.map((b) => ({
      id: b.id, year: b.year, name: b.name, window_opens_at: b.opens, window_closes_at: b.closes, prefecture_deadline: b.prefectureDeadline,
      policy_profile_version: 'draft', opened_by: department, created_at: new Date(b.opens.getTime() - 30 * DAY),
    }))));
    add('preliminary_review.batches', await bulk(pg, s('preliminary-review'), 'batches', bs.map((b) => ({ id: b.id, year: b.year, name: b.name, prefecture_deadline: b.prefectureDeadline }))));
  };

  const { batches, written: oversight } = await generateApplications(pg, {
    schema: s('oversight'), count, seed, asOf, years: 5, pool: { perPrefecture: (p) => perPrefecture[p], usccOf }, numberOf, onBatches, each, afterChunk,
  });
  for (const [t, k] of Object.entries(oversight)) add(`oversight.${t}`, k);

  await pg.query(`SELECT setval('"${s('intake')}".application_no_seq', $1)`, [serial]);

  // A decision list per batch, its publicity, its recognition document; then the recognitions with their numbers.
  const lists = [];
  const entries = [];
  const publicities = [];
  const documents = [];
  const recognitions = [];
  const listOf = new Map();
  let docSeq = 0;
  for (const l of [...listsByBatch.values()].sort((x, y) => x.decidedAt - y.decidedAt)) {
    if (l.selected.length === 0) continue;
    const listId = randomUUID();
    const decidedOn = chinaDay(l.decidedAt);
    const ordered = l.selected.sort((x, y) => x.prefectureId.localeCompare(y.prefectureId) || x.applicationNo.localeCompare(y.applicationNo));
    const content = ordered.map((e, k) => ({ seq: k + 1, applicationId: e.id, applicationNo: e.applicationNo, enterpriseName: e.enterpriseName, uscc: e.uscc, prefectureId: e.prefectureId, productName: e.productName, model: e.model }));
    const published = Boolean(l.publicityStart);
    lists.push({
      id: listId, batch_id: l.batch.id, status: published ? 'CLOSED' : 'DECIDED', decided_on: decidedOn, decided_by: department, decided_by_name: '自治区工信厅 装备工业处',
      decided_at: l.decidedAt, meeting_ref: `厅务会〔${decidedOn.slice(0, 4)}〕${lists.length + 1}号`, meeting_on: decidedOn, deliberation: '审议通过 / Approved',
      content, content_hash: createHash('sha256').update(JSON.stringify(content)).digest('hex'), created_at: l.decidedAt,
    });
    ordered.forEach((e, k) => {
      entries.push({ id: randomUUID(), decision_list_id: listId, application_id: e.id, seq: k + 1 });
      listOf.set(e.id, listId);
    });
    audit.publicity.push(auditOf(l.decidedAt, department, 'department_officer', 'region', 'decision.decide', 'batch', l.batch.id, { decisionListId: listId, selected: ordered.length }));
    if (published) {
      const start = chinaDay(l.publicityStart);
      publicities.push({
        id: randomUUID(), decision_list_id: listId, publication_date: start, start_date: start, end_date: chinaDay(new Date(l.publicityStart.getTime() + 7 * DAY)), working_days: 5,
        ends_at: new Date(l.publicityStart.getTime() + 7 * DAY), rule_zh: '公示期 5 个工作日', rule_en: 'Five working days', profile_id: 'nmg-first-set', profile_version: 'draft',
        status: 'closed', published_by: department, starts_at: l.publicityStart, closed_at: new Date(l.publicityStart.getTime() + 7 * DAY), closed_by: SYSTEM,
      });
    }
    if (l.recognized.length === 0) continue;
    const year = Number(l.recognized[0]._documentDate.slice(0, 4));
    const documentNo = `内工信装字〔${year}〕${++docSeq}号`;
    const documentDate = l.recognized.map((r) => r._documentDate).sort()[0];
    const docId = randomUUID();
    documents.push({
      id: docId, decision_list_id: listId, kind: 'main', status: 'issued', application_ids: l.recognized.map((r) => r.application_id),
      title: `关于公布${l.batch.name}认定名单的通知`, body: '', drafted_at: l.decidedAt, document_no: documentNo, year, seq: docSeq, document_date: documentDate,
      issued_at: new Date(`${documentDate}T02:00:00Z`), issued_by: department,
    });
    l.recognized.forEach((r, k) => {
      const { _documentDate, ...row } = r;
      recognitions.push({ ...row, document_id: docId, document_no: documentNo, document_date: _documentDate, certificate_no: `NMG-SCT-${year}-${String(docSeq).padStart(2, '0')}${String(k + 1).padStart(5, '0')}` });
    });
  }
  add('publicity.decision_lists', await bulk(pg, s('publicity'), 'decision_lists', lists));
  add('publicity.decision_list_entries', await bulk(pg, s('publicity'), 'decision_list_entries', entries));
  add('publicity.publicities', await bulk(pg, s('publicity'), 'publicities', publicities));
  add('publicity.recognition_documents', await bulk(pg, s('publicity'), 'recognition_documents', documents));
  add('publicity.recognitions', await bulk(pg, s('publicity'), 'recognitions', recognitions));
  add('publicity.recognition_events', await bulk(pg, s('publicity'), 'recognition_events', pendingRecognitions.map(([, e]) => e)));
  await pg.query(
    `UPDATE "${s('publicity')}".candidates AS c SET decision_list_id = e.decision_list_id FROM "${s('publicity')}".decision_list_entries AS e WHERE e.application_id = c.application_id`,
  );
  await pg.query(
    `UPDATE "${s('compliance')}".recognitions AS c SET document_no = r.document_no FROM "${s('publicity')}".recognitions AS r WHERE r.id = c.id`,
  );

  // Every service's audit records, in time order, chained as the services chain them (ADR 0027).
  for (const [service, records] of Object.entries(audit)) {
    records.sort((x, y) => (x.occurredAt < y.occurredAt ? -1 : x.occurredAt > y.occurredAt ? 1 : x.id < y.id ? -1 : 1));
    const sealed = sealAfter({ seq: 0n, hash: GENESIS_HASH }, records);
    add(`${s(service).slice(prefix.length)}.audit_records`, await bulk(pg, s(service), 'audit_records', sealed.map((r) => ({
      id: r.id, occurred_at: r.occurredAt, actor_id: r.actorId, actor_role: r.actorRole, jurisdiction: r.jurisdiction, action: r.action, object_type: r.objectType,
      object_id: r.objectId, outcome: r.outcome, request_id: r.requestId, detail: r.detail, seq: r.seq, prev_hash: r.prevHash, hash: r.hash,
    }))));
  }
  // As autovacuum would leave them after a load: statistics, and the visibility map that lets a
  // count be answered from an index alone.
  for (const service of [...Object.keys(audit), 'oversight']) {
    const { rows } = await pg.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1`, [s(service)]);
    await pg.query(`VACUUM (ANALYZE) ${rows.map((r) => `"${s(service)}"."${r.tablename}"`).join(', ')}`);
  }
  return { batches, written };
}

/** State after each mark of the generator's life (as oversight's timeline reads them). */
const STATE_AFTER = {
  created: 'DRAFT', submitted: 'SUBMITTED', resubmitted: 'RESUBMITTED', returned: 'RETURNED_FOR_CORRECTION', recommended: 'RECOMMENDED',
  rejected: 'REJECTED_AT_PRELIMINARY_REVIEW', review_started: 'UNDER_COMPREHENSIVE_REVIEW', reviewed: 'REVIEWED', selected: 'ON_DECISION_LIST',
  not_selected: 'NOT_SELECTED', publicity_started: 'IN_PUBLICITY', objection_lodged: 'OBJECTION_UNDER_INVESTIGATION', objection_dismissed: 'IN_PUBLICITY',
  objection_upheld: 'REMOVED_AFTER_OBJECTION', recognized: 'RECOGNIZED', withdrawn: 'WITHDRAWN', revoked: 'REVOKED',
};
const ACTOR_OF = {
  created: 'enterprise', submitted: 'enterprise', resubmitted: 'enterprise', withdrawn: 'enterprise', returned: 'prefecture_officer', rejected: 'prefecture_officer',
  recommended: 'prefecture_officer', reviewed: 'institution_staff', selected: 'department_officer', not_selected: 'department_officer', recognized: 'department_officer', revoked: 'department_officer',
};
/** Marks the enterprise is told about in its inbox (intake's NotificationKind). */
const NOTIFIED = { returned: 'returned', rejected: 'rejected', recommended: 'recommended', selected: 'selected', not_selected: 'not_selected', recognized: 'recognized', revoked: 'revoked', objection_upheld: 'objection_upheld' };
const PRELIM_STATES = new Set(['SUBMITTED', 'RESUBMITTED', 'RETURNED_FOR_CORRECTION', 'REJECTED_AT_PRELIMINARY_REVIEW', 'RECOMMENDED', 'WITHDRAWN']);
const PUBLICITY_STATES = new Set(['REVIEWED', 'NOT_SELECTED', 'ON_DECISION_LIST', 'IN_PUBLICITY', 'OBJECTION_UNDER_INVESTIGATION', 'REMOVED_AFTER_OBJECTION', 'RECOGNIZED', 'WITHDRAWN']);

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const started = performance.now();
  // The accounts, institution and experts of the demo (idempotent).
  const demo = spawnSync(process.execPath, [join(root, 'scripts', 'seed-demo.mjs')], { stdio: 'inherit', env: process.env });
  if (demo.status !== 0) process.exit(1);
  const { Client } = require('pg');
  const pg = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await pg.connect();
  try {
    const { written } = await seedScale(pg, {
      prefix: process.env.DB_SCHEMA_PREFIX ?? '',
      count: Number(arg('applications', '100000')),
      enterprises: Number(arg('enterprises', '4000')),
      seed: Number(arg('seed', '21')),
      asOf: arg('as-of', chinaDay(new Date())),
    });
    console.log(`[seed:scale] written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const [table, rows] of Object.entries(written).sort()) console.log(`  ${table.padEnd(40)} ${String(rows).padStart(9)}`);
  } finally {
    await pg.end();
  }
}
