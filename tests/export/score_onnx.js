// Scores rows with a model exported by `creditmtl-cli export --onnx` in ONNX Runtime for Node
// (onnxruntime-node): the README's example, and the tool tst_onnx runs to compare with `predict`.
//   node score_onnx.js MODEL.onnx ROWS.json OUTPUTS.json
// ROWS.json: an array of rows, each an object {column: value}; a number (or null: missing) for a
// numeric input, a string ("" or absent: missing) for a categorical one. OUTPUTS.json: for each
// output name, {dims, data} with the values in row-major order (null for NaN).
const ort = require('onnxruntime-node');
async function score(modelPath, rows) { // rows: [{funded_amnt: 16100, term: 'term_36', ...}, ...]
  const session = await ort.InferenceSession.create(modelPath);
  const feeds = {};
  for (const input of session.inputMetadata) { // one [N, 1] tensor per feature column
    const text = input.type === 'string';
    const column = rows.map((row) => row[input.name] ?? (text ? '' : NaN));
    feeds[input.name] = text ? new ort.Tensor('string', column, [rows.length, 1])
                             : new ort.Tensor('float32', Float32Array.from(column), [rows.length, 1]);
  }
  return session.run(feeds); // (await score('lc.onnx', rows))['Class.probability'].data: P(bad) per row
}

const fs = require('fs');

async function main() {
  const [modelPath, rowsPath, outputsPath] = process.argv.slice(2);
  const results = await score(modelPath, JSON.parse(fs.readFileSync(rowsPath, 'utf8')));
  const outputs = {};
  for (const [name, tensor] of Object.entries(results))
    outputs[name] = {dims: tensor.dims, data: Array.from(tensor.data, (v) => (Number.isNaN(v) ? null : v))};
  fs.writeFileSync(outputsPath, JSON.stringify(outputs));
}

main().catch((error) => {
  console.error(`score_onnx.js: ${error.stack || error}`);
  process.exit(1);
});
