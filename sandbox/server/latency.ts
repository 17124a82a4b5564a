import { NextFunction, Request, Response } from 'express';

/**
 * Every answer leaves `latencyMs` after its request arrived, the sandbox's own work included: a Grafana that takes
 * exactly that long per request. (Waiting first and working after made each request take the latency plus the
 * sandbox's work, which on 2 shared cores added about a twentieth to every request of the benchmark.)
 * Handlers answer with one `res.end` (res.json, res.send, res.status().end()); none writes or flushes headers early.
 */
export function answerAfter(latencyMs: number) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const due = performance.now() + latencyMs;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const setHeader = res.setHeader.bind(res);
    let answered = false;
    // As Node does once headers are sent: a second answer fails in the handler and leaves the first one intact.
    const refuse = () => {
      throw new Error('Cannot answer a request twice');
    };
    res.setHeader = ((name: string, value: number | string | readonly string[]) =>
      answered ? refuse() : setHeader(name, value)) as Response['setHeader'];
    res.end = ((...args: unknown[]) => {
      if (answered) {
        refuse();
      }
      answered = true;
      const wait = due - performance.now();
      if (wait > 0) {
        setTimeout(() => end(...args), Math.ceil(wait)); // Node would round a fraction down
      } else {
        end(...args);
      }
      return res;
    }) as Response['end'];
    next();
  };
}
