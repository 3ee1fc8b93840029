/**
 * SHA-256 with Web Crypto (Node, Deno, Bun, browsers and edge runtimes alike): what the package
 * stores or compares instead of a secret. The rate limit names a client's budget by a hash of its
 * base URL and key, the sandbox names a key's studio by one, and the webhook receiver compares keys
 * as digests.
 */

/** Bytes as lower-case hexadecimal. */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The SHA-256 digest of a text's UTF-8 bytes. */
export async function sha256(text: string): Promise<Uint8Array> {
  if (!globalThis.crypto?.subtle)
    throw new Error("SHA-256 needs crypto.subtle (Web Crypto), which this runtime lacks");
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** The SHA-256 digest of a text, in hexadecimal (64 characters). */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await sha256(text));
}
