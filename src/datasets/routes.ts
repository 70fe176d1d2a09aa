import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { invalid } from "../core/errors.ts";
import type { ServiceDeps } from "../platform/deps.ts";
import { researcherOf } from "../platform/auth/http-auth.ts";
import { meta, problems } from "../http/route.ts";
import { exportDataset } from "./export.ts";
import { FormatName, TABLE_FORMATS } from "./formats.ts";
import { MANIFEST_FILE } from "./manifest.ts";
import { exportTable, knownTables } from "./table-export.ts";
import { DatasetListing } from "./views.ts";

const tag = "Datasets";
const pathParam = (name: string) => z.string().min(1).max(100).openapi({ param: { name, in: "path" } });

const MEDIA: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
  jsonl: "application/jsonl; charset=utf-8",
  json: "application/json",
  md: "text/markdown; charset=utf-8",
};
const mediaOf = (path: string) => MEDIA[path.slice(path.lastIndexOf(".") + 1)] ?? "application/octet-stream";

/** Answers a file of a temporary folder as a stream, and removes the folder once it is sent. */
function sendFile(c: Context, dir: string, path: string, filename: string) {
  const stream = createReadStream(path);
  stream.on("close", () => void rm(dir, { recursive: true, force: true }));
  return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
    "content-type": mediaOf(path),
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "private, no-store",
  });
}

async function inTempFolder<T>(work: (dir: string) => Promise<T>): Promise<{ dir: string; value: T }> {
  const dir = await mkdtemp(join(tmpdir(), "polyphony-export-"));
  try {
    return { dir, value: await work(dir) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

const binary = (description: string) => z.string().openapi({ description, format: "binary" });

/** Researchers' exports: a campaign's raw tables, and whole datasets in the trainers' formats, file by file. */
export function registerDatasetRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  const tables = knownTables(deps);
  const TableParams = z.object({
    campaign: pathParam("campaign"),
    table: z.enum(tables as [string, ...string[]]).openapi({ param: { name: "table", in: "path" }, description: `One of ${tables.join(", ")}; which a campaign has depends on its kind` }),
  });
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/tables/{table}",
      ...meta(tag, "One raw table of the campaign as CSV (RFC 4180) or Parquet, for pandas, R and DuckDB; participants carry only the demographic answers a published dataset may", {
        id: "getCampaignTable",
        auth: "researcher",
      }),
      request: { params: TableParams, query: z.object({ format: z.enum(TABLE_FORMATS).default("csv").openapi({ description: "`csv` (default) or `parquet`" }) }) },
      responses: {
        200: { description: "The table", content: { "text/csv": { schema: binary("CSV with a header line") }, "application/vnd.apache.parquet": { schema: binary("A Parquet file") } } },
        ...problems,
      },
    }),
    async (c) => {
      await researcherOf(c, deps);
      const { campaign, table } = c.req.valid("param");
      const { format } = c.req.valid("query");
      const { dir, value: path } = await inTempFolder((dir) => exportTable(deps, campaign, table, format, dir));
      return sendFile(c, dir, path, `${campaign}-${table}.${format}`);
    },
  );
  const DatasetParams = z.object({ campaign: pathParam("campaign"), format: FormatName.openapi({ param: { name: "format", in: "path" } }) });
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/datasets/{format}",
      ...meta(tag, "The campaign exported in a trainer's format (as `polyphony dataset export` writes it): without `file`, the manifest and the folder's files; with `file`, that file", {
        id: "exportCampaignDataset",
        auth: "researcher",
      }),
      request: {
        params: DatasetParams,
        query: z.object({ file: z.string().max(200).optional().openapi({ description: "A file of the folder: README.md, manifest.json, data/…, provenance/…" }) }),
      },
      responses: {
        200: {
          description: "The folder's listing, or one of its files",
          content: {
            "application/json": { schema: DatasetListing },
            "application/jsonl": { schema: binary("JSON lines") },
            "text/csv": { schema: binary("CSV") },
            "application/vnd.apache.parquet": { schema: binary("Parquet") },
            "text/markdown": { schema: binary("The dataset card") },
          },
        },
        ...problems,
      },
    }),
    async (c) => {
      await researcherOf(c, deps);
      const { campaign, format } = c.req.valid("param");
      const { file } = c.req.valid("query");
      const { dir, value: manifest } = await inTempFolder((dir) => exportDataset(deps, campaign, { format }, dir));
      const files = ["README.md", MANIFEST_FILE, ...manifest.files.map((f) => f.path), manifest.provenance.rows.path, manifest.provenance.openings.path];
      if (file === undefined) {
        await rm(dir, { recursive: true, force: true });
        const href = (path: string) => `/api/v1/campaigns/${campaign}/datasets/${format}?file=${encodeURIComponent(path)}`;
        const listing = { manifest: JSON.parse(JSON.stringify(manifest)) as z.infer<typeof DatasetListing>["manifest"], files: files.map((path) => ({ path, href: href(path) })) };
        return c.json(listing, 200);
      }
      if (!files.includes(file)) {
        await rm(dir, { recursive: true, force: true });
        throw invalid("query:file", `the export holds ${files.join(", ")}`);
      }
      if (file === MANIFEST_FILE) {
        const text = await readFile(join(dir, file), "utf8");
        await rm(dir, { recursive: true, force: true });
        return c.body(text, 200, { "content-type": "application/json" });
      }
      return sendFile(c, dir, join(dir, file), `${campaign}-${format}-${file.replaceAll("/", "-")}`);
    },
  );
}
