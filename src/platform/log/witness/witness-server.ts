import { Hono } from "hono";
import { addCheckpoint, type PushedWitness } from "./add-checkpoint.ts";

/** The largest add-checkpoint body accepted: 63 proof lines and a checkpoint with its signatures. */
const MAX_BODY = 64 * 1024;

/**
 * The HTTP face of a witness that logs push to: `POST /add-checkpoint` (c2sp.org/tlog-witness).
 * Requests are answered one at a time, so that checking the old size and recording the new
 * checkpoint cannot interleave between two requests (which could roll the witness back).
 */
export function createWitnessApp(witness: PushedWitness, clock: { now(): Date } = { now: () => new Date() }) {
  const app = new Hono();
  let queue: Promise<unknown> = Promise.resolve();
  app.post("/add-checkpoint", async (c) => {
    const body = await c.req.text();
    if (body.length > MAX_BODY) return c.text("request too large\n", 413);
    const answer = queue.then(() => addCheckpoint(witness, body, clock.now()));
    queue = answer.catch(() => undefined);
    const { status, type, body: text } = await answer;
    return c.body(text, status, { "content-type": type });
  });
  return app;
}
