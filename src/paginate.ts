import { ClassBookingError } from "./errors.js";

/** The shape of every sliced answer in the spec. */
export interface Slice<Item> {
  result: Item[];
  hasNext: boolean;
  offset: string;
}

/**
 * Yields every item of every slice: asks for a slice, sends its `offset` back for the next one,
 * and stops when `hasNext` is false. A server that says `hasNext` but hands back the offset it
 * was sent would loop forever, so that is an error.
 */
export async function* paginate<Item>(
  operationId: string,
  fetchSlice: (offset: string | undefined) => Promise<Slice<Item>>,
  startOffset?: string,
): AsyncGenerator<Item, void, undefined> {
  let offset = startOffset;
  for (;;) {
    const slice = await fetchSlice(offset);
    yield* slice.result;
    if (!slice.hasNext) return;
    if (slice.offset === offset) {
      throw new ClassBookingError(`${operationId}: hasNext, but offset "${offset}" came back unchanged; stopped to avoid a loop`, {
        operationId,
      });
    }
    offset = slice.offset;
  }
}
