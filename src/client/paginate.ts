import { ClassBookingError } from "../core/errors.js";

/** The shape of every sliced answer in the spec. */
export interface Slice<Item> {
  result: Item[];
  hasNext: boolean;
  offset: string;
}

/**
 * Yields every item of every slice: asks for a slice, sends its `offset` back for the next one,
 * and stops when `hasNext` is false. A server that hands back an offset already sent in this
 * walk would make it loop forever, so that is an error.
 */
export async function* paginate<Item>(
  operationId: string,
  fetchSlice: (offset: string | undefined) => Promise<Slice<Item>>,
  input: unknown,
): AsyncGenerator<Item, void, undefined> {
  let offset: string | undefined;
  const sent = new Set<string | undefined>([(input as { offset?: string } | null)?.offset]);
  for (;;) {
    const slice = await fetchSlice(offset);
    yield* slice.result;
    if (!slice.hasNext) return;
    if (sent.has(slice.offset)) {
      throw new ClassBookingError(
        `${operationId}: hasNext, but offset "${slice.offset}" came back a second time; stopped to avoid a loop`,
        {
          operationId,
        },
      );
    }
    sent.add((offset = slice.offset));
  }
}
