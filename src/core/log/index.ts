/**
 * The contribution log's pure core: RFC 6962 / RFC 9162 Merkle trees, proofs, entries, C2SP
 * checkpoints, signed notes and witness cosignatures. No I/O; the store and the CLI wire it up.
 */
export { decodeBase64, decodeUtf8, encodeBase64, encodeHex, encodeUtf8, equalBytes } from "./bytes.ts";
export {
  EMPTY_ROOT,
  HASH_SIZE,
  SHA256_HASHER,
  hashChildren,
  hashLeaf,
  type TreeHasher,
} from "./hash.ts";
export { isValidSubtree, listPerfectNodes, type LeafRange, type NodeId } from "./tree-math.ts";
export {
  listConsistencyRanges,
  listInclusionRanges,
  listSubtreeConsistencyRanges,
  listSubtreeInclusionRanges,
} from "./proof-ranges.ts";
export {
  hashRange,
  proveConsistency,
  proveInclusion,
  proveSubtreeConsistency,
  proveSubtreeInclusion,
  type NodeReader,
} from "./prove.ts";
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from "./verify.ts";
export {
  evaluateSubtreeInclusionProof,
  verifySubtreeConsistency,
  verifySubtreeInclusion,
} from "./verify-subtree.ts";
export { Frontier } from "./frontier.ts";
export { HashTree } from "./hash-tree.ts";
export {
  MIN_SALT_BYTES,
  commitContent,
  decodeEntry,
  encodeEntry,
  verifyContent,
  type EntryBody,
  type JsonValue,
  type LogEntry,
} from "./entry.ts";
export { formatExportLine, parseExportLine, readExportLine, type ExportLine } from "./export-line.ts";
export { LineSplitter } from "./line-splitter.ts";
export {
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type SignedCheckpoint,
} from "./checkpoint.ts";
export {
  MAX_SIGNATURES,
  formatNote,
  isKeyName,
  openNote,
  parseNote,
  signNote,
  type Note,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  type OpenedNote,
} from "./note.ts";
export {
  COSIGNATURE_V1_TYPE,
  ED25519_TYPE,
  computeKeyId,
  formatSignerKey,
  formatVerifierKey,
  makeEd25519Signer,
  makeEd25519Verifier,
  makeNoteSigner,
  parseSignerKey,
  parseVerifierKey,
  verifyEd25519,
  type VerifierKey,
} from "./note-keys.ts";
export {
  formatCosignedMessage,
  makeCosignatureVerifier,
  makeCosigner,
  makeEd25519Cosigner,
  makeVerifier,
  readCosignatureTime,
} from "./cosignature.ts";
