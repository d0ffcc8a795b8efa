// Written by hand: the runtime half of each service's npm package (scripts/clients.py package).
// The package ships this file compiled, beside `schema.d.ts`, the service's generated types, so
// `createApiClient` returns an openapi-fetch client typed by that service's paths.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export type ApiClient = Client<paths>;

/** A client for one service: `createApiClient({ baseUrl: "http://127.0.0.1:8002" })`. */
export function createApiClient(options: ClientOptions): ApiClient {
  return createClient<paths>(options);
}

/** A page of any list of the service: the one shape every list answers. */
export interface Page<Item> {
  next: string | null;
  next_cursor: string | null;
  previous: string | null;
  results: Item[];
}

/**
 * Every item of a list, page after page: `fetchPage(cursor)` reads one page (the first with
 * `cursor` undefined) and the loop follows `next_cursor` until the last page.
 */
export async function* everyItem<Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.results;
    if (page.next_cursor === null) {
      return;
    }
    cursor = page.next_cursor;
  }
}
