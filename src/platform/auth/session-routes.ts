import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { jsonBody, meta, ok } from "../../http/route.ts";
import { guardTokenCheck } from "../limits/http-limits.ts";
import { offersResearcherToken, researcherOf } from "./http-auth.ts";
import { endResearcherSession, startResearcherSession } from "./researcher-session.ts";
import { authenticateResearcher } from "./tokens.ts";

const tag = "Server";
const SignIn = z.object({ token: z.string().min(1).max(200).openapi({ description: "A researcher token from `polyphony token create`" }) }).openapi("ResearcherSignIn");
const Signed = z.object({ id: z.string(), name: z.string() });
const SessionView = z.object({ researcher: Signed }).openapi("ResearcherSession");
const MaybeSession = z
  .object({ researcher: Signed.nullable().openapi({ description: "null when the request carries no researcher credentials" }) })
  .openapi("ResearcherSessionState");
const SignedOut = z.object({ signedOut: z.literal(true) }).openapi("ResearcherSignedOut");

/** The web app's researcher session: sign in with a token (kept in an HttpOnly cookie), see who is signed in, sign out. */
export function registerResearcherSessionRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/researcher-session",
      ...meta(tag, "Sign the browser in as a researcher: the token goes into an HttpOnly, SameSite=Strict cookie", { id: "startResearcherSession" }),
      request: { body: jsonBody(SignIn) },
      responses: ok(SessionView, "The researcher signed in; the response sets the session cookie"),
    }),
    async (c) => {
      const { token } = c.req.valid("json");
      const researcher = await guardTokenCheck(c, deps, () => authenticateResearcher(deps, token));
      startResearcherSession(c, token);
      return c.json({ researcher: { id: researcher.id, name: researcher.name } }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/researcher-session",
      ...meta(tag, "The researcher this browser (or token) is signed in as: null without credentials, 401 with wrong ones", { id: "getResearcherSession" }),
      responses: ok(MaybeSession, "The signed-in researcher, or null"),
    }),
    async (c) => {
      if (!offersResearcherToken(c)) return c.json({ researcher: null }, 200);
      const researcher = await researcherOf(c, deps);
      return c.json({ researcher: { id: researcher.id, name: researcher.name } }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/researcher-session",
      ...meta(tag, "Sign the browser out: the session cookie is cleared", { id: "endResearcherSession" }),
      responses: ok(SignedOut, "Signed out"),
    }),
    (c) => {
      endResearcherSession(c);
      return c.json({ signedOut: true as const }, 200);
    },
  );
}
