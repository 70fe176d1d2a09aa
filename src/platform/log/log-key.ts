import {
  formatVerifierKey,
  makeEd25519Verifier,
  makeNoteSigner,
  type NoteSigner,
  type NoteVerifier,
} from "../../core/log/index.ts";
import { exportPublicKey, importSeed, signMessage } from "./ed25519.ts";

/** The log's own signing key, with what verifiers need to check its checkpoints. */
export interface LogKey {
  /** The checkpoints' origin line: names this log. */
  readonly origin: string;
  readonly signer: NoteSigner;
  readonly verifier: NoteVerifier;
  /** `<name>+<key id>+<base64 of type and public key>`, the C2SP verifier key text. */
  readonly verifierKey: string;
}

/** The log key of an Ed25519 seed, signing with node:crypto under the key name `name`. */
export function makeLogKey(origin: string, name: string, seed: Uint8Array): LogKey {
  const privateKey = importSeed(seed);
  const publicKey = exportPublicKey(privateKey);
  return {
    origin,
    signer: makeNoteSigner(name, publicKey, (message) => signMessage(privateKey, message)),
    verifier: makeEd25519Verifier(name, publicKey),
    verifierKey: formatVerifierKey(name, publicKey),
  };
}
