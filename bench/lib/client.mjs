// A minimal JSON client for the preparation steps and the call-count checks, outside the timed load.
import { request } from 'node:http';

/** POSTs `json` and resolves to {status, body}; each call opens its own connection. */
export function postJson(url, json) {
  const body = JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let parsed = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: the caller sees body null
        }
        resolve({ status: res.statusCode, body: parsed });
      });
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at a time and returns the results in order. */
export async function runLimited(count, concurrency, task) {
  const results = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
