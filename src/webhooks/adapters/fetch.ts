/**
 * The fetch-style adapter of the webhook receiver: a WHATWG Request in, a Response out. It checks
 * the method and the key from the headers before reading any body byte, reads the body within
 * the size limit (core/body.ts), and ends a call whose body breaks off with an answer instead of
 * an error. The Node adapter is in node.ts.
 */
import { webhookDelivery } from "../../../generated/contract.js";
import { readWebBody } from "../../core/body.js";
import { bytesOrRefusal, notPost, type ReceiverCore } from "./common.js";

const json = ({ status, body }: { status: number; body: object }) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The fetch-style adapter. */
export async function answerFetch(receiver: ReceiverCore, request: Request): Promise<Response> {
  try {
    if (request.method.toUpperCase() !== "POST") throw notPost(request.method);
    const studio = await receiver.studioOf(request.headers.get(webhookDelivery.keyHeader));
    const read = await readWebBody(
      request.body,
      receiver.maxBodyBytes,
      request.headers.get("content-length"),
    );
    return json(await receiver.answer(studio, bytesOrRefusal(read, receiver.maxBodyBytes)));
  } catch (error) {
    if (request.body && !request.body.locked) request.body.cancel().catch(() => {});
    return json(receiver.refuse(error));
  }
}
