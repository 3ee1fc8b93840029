/**
 * Which studio sent a webhook call: its webhook key compared, in constant time, with every key
 * the app knows. Keys are compared as SHA-256 digests (Web Crypto), so neither their length nor
 * where they first differ shows in the time a check takes.
 */
import { sha256 } from "../core/hash.js";
import { ClassBookingError } from "../core/errors.js";

/**
 * The studios' webhook keys: one key, a map from each key to its studio, or a lookup from a key to
 * its studio.
 */
export type Keys<Studio> =
  | string
  | Readonly<Record<string, Studio>>
  | ((key: string) => Studio | undefined | Promise<Studio | undefined>);

/** Whether two digests are equal, looking at every byte whatever the first difference. */
function equal(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * Makes the function that finds the studio of a key. With a map, the key is compared with every
 * known key, matched or not. A lookup function decides for itself (it should compare in constant
 * time too).
 */
export function keyMatcher<Studio>(
  keys: Keys<Studio>,
): (key: string) => Promise<{ studio: Studio } | undefined> {
  if (typeof keys === "function") {
    return async (key) => {
      const studio = await keys(key);
      return studio === undefined ? undefined : { studio };
    };
  }
  if ((typeof keys !== "string" && (keys === null || typeof keys !== "object")) || keys === "") {
    throw new ClassBookingError(
      'createWebhookReceiver: option "keys" must be a key, a map from key to studio, or a lookup function',
    );
  }
  const entries = typeof keys === "string" ? [[keys, undefined as Studio] as const] : Object.entries(keys);
  if (!entries.length) throw new ClassBookingError('createWebhookReceiver: option "keys" names no key');
  let known: Promise<Array<readonly [Uint8Array, Studio]>> | undefined;
  return async (key) => {
    const digests = await (known ??= Promise.all(
      entries.map(async ([k, studio]) => [await sha256(k), studio] as const),
    ));
    const given = await sha256(key);
    let found: { studio: Studio } | undefined;
    for (const [d, studio] of digests) {
      const same = equal(d, given);
      if (same && !found) found = { studio };
    }
    return found;
  };
}
