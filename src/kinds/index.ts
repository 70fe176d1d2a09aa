import { createKindRegistry } from "../platform/kind.ts";
import { moralGraph } from "./moral-graph/kind.ts";
import { scenariosKind } from "./scenarios/kind.ts";

/** The campaign kinds this server runs; the first is the default kind of a new campaign. */
export const KINDS = createKindRegistry([moralGraph, scenariosKind]);
