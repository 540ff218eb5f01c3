// Writes changesets.json: documents, change sets and results computed by
// CodeMirror's own @codemirror/state, which the Go tests replay. From the
// repository's frontend folder (where @codemirror/state is installed):
//
//   node ../internal/collab/testdata/gen-changesets.mjs > ../internal/collab/testdata/changesets.json
//
// The random numbers are seeded, so the same @codemirror/state writes the
// same file.
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const { ChangeSet, Text } = require("@codemirror/state");

// mulberry32: a small seeded generator, so the file is reproducible.
let seed = 20261201;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (xs) => xs[int(xs.length)];

// Characters that test the corners: astral (two code units), accents,
// CJK, JSON escapes, controls, U+2028 (JSON.stringify keeps it literal),
// and line breaks, including "\r\n" in inserts (CodeMirror splits at it).
const chars = ["a", "b", "z", " ", "\t", "é", "中", "😀", "𝄞", "👩‍💻", '"', "\\", "/", "<", "&",
  "\u2028", "\u0001", "\u007f", "\n", "\n", "\r\n"];

function randomString(max) {
  let s = "";
  for (let n = int(max + 1); n > 0; n--) s += pick(chars);
  return s;
}

function randomDoc() {
  // "\r" stays a character of the document: CodeMirror's Text.of takes lines.
  return Text.of(randomString(40).split("\n"));
}

// A random position in doc; it may split a surrogate pair, as a program's
// change may, which leaves lone surrogates to carry through JSON.
function position(doc) {
  switch (int(5)) {
    case 0: return 0;
    case 1: return doc.length;
    default: return int(doc.length + 1);
  }
}

function randomSpec(doc) {
  const a = position(doc), b = position(doc);
  const insert = int(3) === 0 ? "" : randomString(12);
  return { from: Math.min(a, b), to: Math.max(a, b), insert };
}

function applyCase(doc) {
  const specs = [];
  for (let n = 1 + int(4); n > 0; n--) specs.push(randomSpec(doc));
  let changes = ChangeSet.of(specs, doc.length);
  if (int(4) === 0) {
    // A second step composed on top: CodeMirror's own way to merge changes.
    const mid = changes.apply(doc);
    changes = changes.compose(ChangeSet.of([randomSpec(mid)], mid.length));
  }
  return {
    doc: doc.toString(),
    changes: changes.toJSON(),
    lenBefore: changes.length,
    lenAfter: changes.newLength,
    after: changes.apply(doc).toString(),
  };
}

function replaceCase(doc) {
  const text = int(5) === 0 ? "" : randomString(30);
  const changes = ChangeSet.of({ from: 0, to: doc.length, insert: text }, doc.length);
  return { doc: doc.toString(), replace: text, changes: changes.toJSON(), after: changes.apply(doc).toString() };
}

const cases = [];
// Edges first: empty documents, whole-document deletes, inserts at the ends.
const empty = Text.empty, one = Text.of(["😀"]);
cases.push({ doc: "", changes: [], lenBefore: 0, lenAfter: 0, after: "" });
for (const [doc, spec] of [[empty, { from: 0, insert: "x\ny" }], [one, { from: 0, to: 2 }],
  [one, { from: 2, insert: "\n\n" }], [one, { from: 1, to: 2 }], [one, { from: 0, insert: "𝄞" }]]) {
  const changes = ChangeSet.of(spec, doc.length);
  cases.push({ doc: doc.toString(), changes: changes.toJSON(), lenBefore: changes.length,
    lenAfter: changes.newLength, after: changes.apply(doc).toString() });
}
// Some documents are an earlier result, lone surrogates and all.
const docOf = (s) => Text.of(s.split("\n"));
while (cases.length < 180) cases.push(applyCase(int(4) === 0 ? docOf(cases[cases.length - 1].after) : randomDoc()));
while (cases.length < 210) cases.push(replaceCase(randomDoc()));

// One case a line, so each "changes" is exactly JSON.stringify(toJSON()).
process.stdout.write("[\n" + cases.map((c) => JSON.stringify(c)).join(",\n") + "\n]\n");
