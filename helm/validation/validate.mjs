// Validates Kubernetes manifests offline: node validate.mjs <file-or-directory>...
//
// Every YAML document must be a kind we have a schema for (Kubernetes, Argo CD, KEDA, External Secrets,
// Prometheus operator), and pass two checks:
//  1. the kubernetes-models validator (types, enums, required fields, formats), and
//  2. a strictness check: those validators accept unknown fields (their schemas allow additional
//     properties), so every field is also looked up in the packages' TypeScript declarations, which
//     list each object's fields exactly. A misspelt field (`contaners:`) fails here.
// Exit status 0 when everything is valid, 1 otherwise; one line per problem.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import YAML from "yaml";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// API group -> the npm package that models it (everything else: the Kubernetes built-ins).
const PACKAGES = {
  "argoproj.io": "@kubernetes-models/argo-cd",
  "keda.sh": "@kubernetes-models/keda",
  "external-secrets.io": "@kubernetes-models/external-secrets",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

function moduleOf(apiVersion) {
  const slash = apiVersion.lastIndexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  return `${PACKAGES[group] ?? "kubernetes-models"}/${apiVersion}`;
}

function yamlFiles(target) {
  if (fs.statSync(target).isDirectory()) {
    return fs
      .readdirSync(target)
      .sort()
      .flatMap((entry) => yamlFiles(path.join(target, entry)));
  }
  return /\.ya?ml$/.test(target) ? [target] : [];
}

function documents(file) {
  return YAML.parseAllDocuments(fs.readFileSync(file, "utf8")).flatMap((doc, index) => {
    if (doc.errors.length > 0) {
      return [{ file, index, error: `not YAML: ${doc.errors[0].message}` }];
    }
    const data = doc.toJS();
    return data == null ? [] : [{ file, index, data }];
  });
}

// The TypeScript side: one program that imports the interface of every kind we meet.
function strictTypes(kinds) {
  const source = kinds
    .map((k, i) => `import type { I${k.kind} as T${i} } from "${k.module}";\nexport type K${i} = T${i};`)
    .join("\n");
  const entry = path.join(HERE, "__kinds__.ts");
  const options = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = ((fileExists) => (f) => f === entry || fileExists(f))(host.fileExists.bind(host));
  host.readFile = (f) => (f === entry ? source : readFile(f));
  host.getSourceFile = (f, lang) =>
    f === entry ? ts.createSourceFile(f, source, lang) : getSourceFile(f, lang);
  const program = ts.createProgram([entry], options, host);
  const checker = program.getTypeChecker();
  const aliases = program
    .getSourceFile(entry)
    .statements.filter(ts.isTypeAliasDeclaration);
  return {
    checker,
    typeOf: (i) => checker.getTypeAtLocation(aliases[i].name),
  };
}

function unknownFields(checker, value, type, where, found) {
  if (value === null || value === undefined || typeof value !== "object") return;
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (type.isUnion()) {
    const options = type.types.filter((t) => t.flags & ts.TypeFlags.Object);
    const attempts = options.map((t) => {
      const problems = [];
      unknownFields(checker, value, t, where, problems);
      return problems;
    });
    if (attempts.length > 0 && !attempts.some((p) => p.length === 0)) found.push(...attempts[0]);
    return;
  }
  if (Array.isArray(value)) {
    if (checker.isArrayType(type)) {
      const element = checker.getTypeArguments(type)[0];
      value.forEach((v, i) => unknownFields(checker, v, element, `${where}[${i}]`, found));
    }
    return;
  }
  if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return;
  const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
  const properties = checker.getPropertiesOfType(type);
  if (!index && properties.length === 0) return; // free-form: RawExtension, JSON, preserve-unknown-fields
  for (const [key, child] of Object.entries(value)) {
    const property = properties.find((p) => p.getName() === key);
    const childType = property ? checker.getTypeOfSymbol(property) : index?.type;
    if (!childType) {
      found.push(`${where ? where + "." : ""}${key}: unknown field`);
    } else {
      unknownFields(checker, child, childType, where ? `${where}.${key}` : key, found);
    }
  }
}

async function main(targets) {
  if (targets.length === 0) {
    console.error("usage: node validate.mjs <file-or-directory>...");
    return 2;
  }
  const docs = targets.flatMap(yamlFiles).flatMap(documents);
  const problems = [];
  const report = (doc, message) => {
    const name = doc.data?.metadata?.name ?? "?";
    problems.push(`${doc.file}#${doc.index} ${doc.data?.kind ?? "?"}/${name}: ${message}`);
  };

  const kinds = [];
  for (const doc of docs) {
    if (doc.error) {
      report(doc, doc.error);
      continue;
    }
    const { apiVersion, kind } = doc.data;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      report(doc, "no apiVersion/kind: not a Kubernetes manifest");
      continue;
    }
    const module = moduleOf(apiVersion);
    let model;
    try {
      model = (await import(module))[kind];
    } catch {
      model = undefined;
    }
    if (typeof model !== "function") {
      report(doc, `no schema for ${apiVersion} ${kind}`);
      continue;
    }
    try {
      new model(doc.data).validate();
    } catch (e) {
      report(doc, e.message);
    }
    let k = kinds.findIndex((x) => x.module === module && x.kind === kind);
    if (k < 0) k = kinds.push({ module, kind }) - 1;
    doc.kindIndex = k;
  }

  if (kinds.length > 0) {
    const { checker, typeOf } = strictTypes(kinds);
    for (const doc of docs.filter((d) => d.kindIndex !== undefined)) {
      const found = [];
      unknownFields(checker, doc.data, typeOf(doc.kindIndex), "", found);
      found.forEach((message) => report(doc, message));
    }
  }

  problems.forEach((p) => console.log(`INVALID ${p}`));
  console.log(`validated ${docs.length} documents: ${problems.length} problems`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
