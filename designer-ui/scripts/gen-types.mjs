// Generates src/generated/flow.ts from the flow document's JSON Schema, the same schema the server validates
// with (Maven writes it to target/generated/flow.schema.json with `FlowCli schema`). The designer's types are
// never a hand copy.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const input = process.argv[2] ?? 'target/generated/flow.schema.json';
// Maven's exec writes the JVM's own warnings (stderr) into the same file: the schema starts at the first '{'.
const text = readFileSync(input, 'utf8');
const schema = JSON.parse(text.slice(text.indexOf('{')));
const ts = await compile(schema, 'FlowDocument', {
  bannerComment: '/* Generated from the flow JSON Schema by scripts/gen-types.mjs: do not edit. */',
  additionalProperties: false,
  unreachableDefinitions: true,
  strictIndexSignatures: true,
  format: false,
});
mkdirSync('src/generated', { recursive: true });
writeFileSync('src/generated/flow.ts', ts);
writeFileSync('src/generated/flow.schema.json', JSON.stringify(schema, null, 2) + '\n');
console.log(`src/generated/flow.ts: ${ts.split('\n').length} lines from ${input}`);
