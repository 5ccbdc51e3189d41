// Recomputes src/test/resources/minilm-ort-1.20.json: the embeddings of the texts of
// minilm-public.json from their reference token ids, with the ONNX Runtime version this
// project depends on, through Node.js instead of Java. See README.md beside this file.
//
//   npm install --ignore-scripts onnxruntime-node@1.20.0
//   node ort-reference.js MODEL.onnx ../resources/minilm-public.json > ../resources/minilm-ort-1.20.json
//
// A third argument, cls, pools the first token instead of the mean (BGE models).
const ort = require('onnxruntime-node');
const fs = require('fs');

(async () => {
  const [model, refFile, pooling] = process.argv.slice(2);
  const ref = JSON.parse(fs.readFileSync(refFile, 'utf8'));
  const session = await ort.InferenceSession.create(model, {intraOpNumThreads: 1});
  const items = [];
  for (const item of ref.items) {
    const n = item.ids.length;
    const feeds = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(item.ids.map(BigInt)), [1, n]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(n), [1, n]),
    };
    const hidden = (await session.run(feeds)).last_hidden_state;
    const dim = hidden.dims[2];
    const mean = new Float64Array(dim);
    for (let t = 0; t < (pooling === 'cls' ? 1 : n); t++) {
      for (let k = 0; k < dim; k++) {
        mean[k] += hidden.data[t * dim + k] / (pooling === 'cls' ? 1 : n);
      }
    }
    const norm = Math.sqrt(mean.reduce((s, x) => s + x * x, 0));
    items.push({text: item.text, vector: Array.from(mean, (x) => Number((x / norm).toPrecision(9)))});
  }
  process.stdout.write(JSON.stringify({onnxruntime: ort.env.versions.common, items}) + '\n');
})();
