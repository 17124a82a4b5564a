/**
 * @jest-environment node
 * @jest-environment-options {"HTMLCanvasElement": {"prototype": {}}}
 */
import express from 'express';
import { AddressInfo } from 'net';
import { Server } from 'http';

import { answerAfter } from './latency';

const LATENCY_MS = 300;
const WORK_MS = 120;

function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // the handler's own work
  }
}

describe('answerAfter (--latency)', () => {
  let server: Server;
  let base: string;
  const errors: string[] = [];
  beforeAll(async () => {
    const app = express();
    app.use(answerAfter(LATENCY_MS));
    app.get('/work', (_req, res) => {
      busy(WORK_MS);
      res.json({ ok: true });
    });
    app.get('/twice', (_req, res) => {
      res.json({ first: true });
      try {
        res.json({ second: true });
      } catch (error) {
        errors.push((error as Error).message);
      }
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers the latency after the request arrived, the handler's own work included", async () => {
    const started = performance.now();
    const res = await fetch(`${base}/work`);
    const ms = performance.now() - started;
    expect(await res.json()).toEqual({ ok: true });
    expect(ms).toBeGreaterThanOrEqual(LATENCY_MS - 2);
    expect(ms).toBeLessThan(LATENCY_MS + WORK_MS / 2);
  });

  it('sends the first answer only, and a second one fails in the handler', async () => {
    const res = await fetch(`${base}/twice`);
    expect(await res.json()).toEqual({ first: true });
    expect(errors).toEqual(['Cannot answer a request twice']);
  });
});
