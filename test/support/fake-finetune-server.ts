import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small server that speaks the OpenAI files and fine-tuning API (platform.openai.com/docs/api-reference/fine-tuning):
 * POST /v1/files (multipart) stores a file; POST /v1/fine_tuning/jobs creates a job; each GET of
 * the job moves it one status on (validating_files → running → succeeded, or `failWith`); GET
 * …/events lists what happened, newest first, with step metrics while it runs.
 */
export interface FakeFineTuning {
  readonly baseUrl: string;
  /** Uploaded files by id: their name, purpose and content. */
  readonly files: Map<string, { filename: string; purpose: string; content: string }>;
  readonly jobs: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

/** The parts of a multipart/form-data body: name → { filename?, value }. */
function parseMultipart(body: Buffer, type: string): Map<string, { filename?: string; value: string }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type)!;
  const marker = `--${boundary[1] ?? boundary[2]}`;
  const parts = new Map<string, { filename?: string; value: string }>();
  for (const chunk of body.toString("utf8").split(marker).slice(1, -1)) {
    const [head, ...rest] = chunk.replace(/^\r\n/, "").split("\r\n\r\n");
    const name = /name="([^"]+)"/.exec(head!)![1]!;
    const filename = /filename="([^"]+)"/.exec(head!)?.[1];
    parts.set(name, { ...(filename && { filename }), value: rest.join("\r\n\r\n").replace(/\r\n$/, "") });
  }
  return parts;
}

export async function startFakeFineTuning(options: { failWith?: string } = {}): Promise<FakeFineTuning> {
  const files = new Map<string, { filename: string; purpose: string; content: string }>();
  const jobs = new Map<string, Record<string, unknown>>();
  const events = new Map<string, Record<string, unknown>[]>();
  const steps = ["validating_files", "running", options.failWith ? "failed" : "succeeded"];
  const addEvent = (job: string, message: string, data: Record<string, unknown> | null = null) => {
    const list = events.get(job) ?? [];
    list.unshift({ object: "fine_tuning.job.event", id: `ftevent-${list.length + 1}`, created_at: 1_800_000_000 + list.length, level: "info", message, data, type: data ? "metrics" : "message" });
    events.set(job, list);
  };
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = (req.url ?? "/").split("?")[0]!;
    if (req.method === "POST" && path === "/v1/files") {
      const parts = parseMultipart(body, req.headers["content-type"] ?? "");
      const id = `file-${files.size + 1}`;
      files.set(id, { filename: parts.get("file")!.filename!, purpose: parts.get("purpose")!.value, content: parts.get("file")!.value });
      return send(res, 200, { id, object: "file", bytes: parts.get("file")!.value.length, created_at: 1, filename: parts.get("file")!.filename, purpose: parts.get("purpose")!.value, status: "processed" });
    }
    if (req.method === "POST" && path === "/v1/fine_tuning/jobs") {
      const request = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
      if (!files.has(request.training_file as string)) return send(res, 400, { error: { message: "training_file does not exist", type: "invalid_request_error" } });
      const id = `ftjob-${jobs.size + 1}`;
      const job = { object: "fine_tuning.job", id, model: request.model, status: steps[0], fine_tuned_model: null, error: null, created_at: 1, training_file: request.training_file, validation_file: request.validation_file ?? null, method: request.method, hyperparameters: {}, result_files: [], seed: 0, organization_id: "org", finished_at: null, trained_tokens: null, step: 0 };
      jobs.set(id, job);
      addEvent(id, `Created fine-tuning job: ${id}`);
      return send(res, 200, job);
    }
    const match = /^\/v1\/fine_tuning\/jobs\/([^/]+)(\/events)?$/.exec(path);
    const job = match && jobs.get(match[1]!);
    if (req.method === "GET" && job) {
      if (match[2]) return send(res, 200, { object: "list", data: events.get(job.id as string) ?? [], has_more: false });
      const step = Math.min(steps.length - 1, (job.step as number) + 1);
      job.step = step;
      job.status = steps[step];
      if (job.status === "running") for (let s = 1; s <= 4; s++) addEvent(job.id as string, `Step ${s}/4`, { step: s, total_steps: 4, train_loss: 1 / s });
      if (job.status === "succeeded") {
        job.fine_tuned_model = `ft:${String(job.model)}:polyphony:${String(job.id)}`;
        addEvent(job.id as string, "The job has successfully completed");
      }
      if (job.status === "failed") job.error = { code: "invalid_data", message: options.failWith, param: null };
      return send(res, 200, job);
    }
    send(res, 404, { error: { message: `no route ${req.method} ${path}`, type: "not_found" } });
  };
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, files, jobs, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
