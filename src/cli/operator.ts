import { userInfo } from "node:os";
import type { Researcher } from "../platform/auth/tokens.ts";

/** Whoever runs the CLI on the server's machine acts as its operator. */
export const operator = (): Researcher => ({ id: `cli:${userInfo().username}`, name: userInfo().username });
