// Checks Kubernetes manifests without a cluster (ADR 0035), in two passes:
//  1. the Kubernetes OpenAPI schemas, as kubernetes-models compiles them (ajv): types, enums,
//     required fields, formats;
//  2. unknown fields, which those schemas let through (as the API server's strict field
//     validation and `kubectl apply --validate=strict` do not): each document is type-checked by
//     the TypeScript compiler against kubernetes-models' interface for its kind, where a
//     misspelt or misplaced field is an excess property.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** `apps/v1` → `kubernetes-models/apps/v1`; the core group `v1` → `kubernetes-models/v1`. */
const moduleOf = (apiVersion) => `kubernetes-models/${apiVersion}`;

/** The kubernetes-models class of a document, or undefined for a kind it does not know (a CRD). */
export async function modelClassOf(doc) {
  if (!doc || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') return undefined;
  try {
    const mod = await import(moduleOf(doc.apiVersion));
    return mod[doc.kind];
  } catch {
    return undefined;
  }
}

/**
 * Every problem of the documents, as `<index> <kind>/<name>: <problem>` lines (empty: all valid).
 * A kind kubernetes-models does not know is a problem unless `allowKinds` names it (CRDs, which
 * the caller checks its own way).
 * @param {object[]} docs
 * @param {{ allowKinds?: string[] }} [options]
 * @returns {Promise<string[]>}
 */
export async function manifestProblems(docs, { allowKinds = [] } = {}) {
  const problems = [];
  const typed = [];
  for (const [i, doc] of docs.entries()) {
    const label = `${i} ${doc?.kind ?? '?'}/${doc?.metadata?.name ?? '?'}`;
    if (allowKinds.includes(`${doc?.apiVersion}/${doc?.kind}`)) continue;
    const Model = await modelClassOf(doc);
    if (!Model) {
      problems.push(`${label}: unknown apiVersion/kind ${doc?.apiVersion}/${doc?.kind}`);
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (e) {
      problems.push(`${label}: ${e.message}`);
    }
    typed.push({ i, label, doc });
  }
  problems.push(...unknownFields(typed));
  return problems;
}

function unknownFields(typed) {
  if (!typed.length) return [];
  const ts = require('typescript');
  // A virtual file beside this one, so `kubernetes-models` resolves from deploy's node_modules.
  const file = join(here, '__manifests__.ts');
  const source = typed
    .map(
      ({ i, doc }) =>
        `import type { I${doc.kind} as T${i} } from ${JSON.stringify(`${moduleOf(doc.apiVersion)}/${doc.kind}`)};\n` +
        `export const d${i}: T${i} = ${JSON.stringify(doc, null, 1)};\n`,
    )
    .join('');
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  const program = ts.createProgram([file], options, host);
  const sf = program.getSourceFile(file);
  // Which document a line of the virtual file belongs to.
  const starts = [];
  let line = 0;
  for (const { label, doc } of typed) {
    starts.push({ line, label });
    line += 1 + JSON.stringify(doc, null, 1).split('\n').length;
  }
  return ts.getPreEmitDiagnostics(program, sf).map((d) => {
    const at = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line;
    const owner = [...starts].reverse().find((s) => s.line <= at);
    return `${owner?.label ?? '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}
