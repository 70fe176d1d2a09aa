import { invalid } from "../../../core/errors.ts";

/** Where the next page of a graph starts: the log size its result was computed at, and an offset. */
export interface GraphCursor {
  readonly size: number;
  readonly offset: number;
}

/** Indices [offset, offset + limit) that exist in a list of `length`. */
export function pageRange(length: number, offset: number, limit: number): number[] {
  return Array.from({ length: Math.max(0, Math.min(length, offset + limit) - offset) }, (_, i) => offset + i);
}

/** The cursor as the opaque text clients send back. */
export function encodeCursor(cursor: GraphCursor): string {
  return Buffer.from(`${cursor.size}.${cursor.offset}`).toString("base64url");
}

export function decodeCursor(text: string): GraphCursor {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(text, "base64url").toString());
  if (!match) throw invalid("cursor", "not a cursor this server made: pass the `next` of a previous page, or no cursor");
  return { size: Number(match[1]), offset: Number(match[2]) };
}
