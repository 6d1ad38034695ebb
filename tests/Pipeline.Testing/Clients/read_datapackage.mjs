// Reads a Data Package's resources as a client that follows the Data Package standard does: each resource's
// declared encoding is looked up in the WHATWG Encoding Standard (the labels Node.js, browsers and frictionless'
// JavaScript library accept; "utf-8-sig" is none of them) and its bytes decoded with it, refusing invalid bytes.
// Resources that declare no encoding (binary) are skipped. A tabular resource's header (a BOM, which utf-8 allows, skipped) must name its schema's fields in order.
// Prints {resources: [{path, encoding, characters, header}], errors} as JSON; exit 1 on errors.
// Usage: node read_datapackage.mjs FOLDER (holding datapackage.json and its resources)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
const descriptor = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8'));
const errors = [];
const resources = [];
for (const resource of descriptor.resources ?? []) {
  // A resource without an encoding is binary (a workbook, a zip) and is not decoded.
  if (resource.encoding === undefined) continue;
  const encoding = resource.encoding;
  let decoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch (e) {
    errors.push(`${resource.path}: unknown encoding "${encoding}" (${e.message})`);
    continue;
  }
  let text;
  try {
    text = decoder.decode(readFileSync(join(folder, resource.path)));
  } catch (e) {
    errors.push(`${resource.path}: not ${encoding} (${e.message})`);
    continue;
  }
  let header = null;
  if (resource.schema?.fields) {
    header = text.split(/\r?\n/, 1)[0];
    const names = resource.schema.fields.map(f => f.name).join(',');
    if (header !== names) errors.push(`${resource.path}: header "${header}" is not the schema's fields "${names}"`);
  }
  resources.push({ path: resource.path, encoding, characters: text.length, header });
}
console.log(JSON.stringify({ resources, errors }));
process.exit(errors.length ? 1 : 0);
