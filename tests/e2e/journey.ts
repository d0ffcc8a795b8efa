// A customer's journey from TypeScript, with openapi-fetch over the generated types, against the
// three services (tests/e2e/test_typescript_journey.py compiles and runs it with node): sign in,
// search the catalog anonymously, read a product and revalidate it with its ETag, place an order
// with an Idempotency-Key (and retry it), read the order back. Prints what it saw as JSON.
import createClient from "openapi-fetch";
import type { paths as AccountsPaths } from "../../clients/typescript/accounts";
import type { paths as CatalogPaths } from "../../clients/typescript/catalog";
import type { paths as OrdersPaths } from "../../clients/typescript/orders";

// The one Node API used here (fetch, crypto, timers and console are the DOM's, which node has):
// declared rather than installing @types/node for it.
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function fail(step: string, error: { type: string; errors: { code: string; detail: string }[] }): never {
  throw new Error(`${step}: ${error.type} ${JSON.stringify(error.errors)}`);
}

async function journey(): Promise<Record<string, unknown>> {
  const sku = setting("SKU");
  const accounts = createClient<AccountsPaths>({ baseUrl: setting("ACCOUNTS_URL") });
  const catalog = createClient<CatalogPaths>({ baseUrl: setting("CATALOG_URL") });

  const signedIn = await accounts.POST("/api/v1/auth/token/", {
    body: { email: setting("EMAIL"), password: setting("PASSWORD") },
  });
  if (signedIn.error) fail("sign in", signedIn.error);
  const tokens = signedIn.data;

  // Search is indexed behind the write by a worker: a new product may take a moment to be found.
  let found: string[] = [];
  for (let attempt = 0; attempt < 60 && !found.includes(sku); attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    const searched = await catalog.GET("/api/v1/products/", { params: { query: { q: setting("QUERY"), page_size: 10 } } });
    if (searched.error) fail("search", searched.error);
    found = searched.data.results.map((product) => product.sku);
  }

  const read = await catalog.GET("/api/v1/products/{sku}/", { params: { path: { sku } } });
  if (read.error) fail("read the product", read.error);
  const etag = read.response.headers.get("ETag");
  if (etag === null) throw new Error("no ETag");
  const revalidated = await catalog.GET("/api/v1/products/{sku}/", {
    params: { path: { sku }, header: { "If-None-Match": etag } },
  });

  const orders = createClient<OrdersPaths>({
    baseUrl: setting("ORDERS_URL"),
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });
  const key = crypto.randomUUID();
  const order = {
    lines: [{ sku, quantity: 2 }],
    shipping_address: { recipient: "Pat Shopper", line1: "1 Main Street", city: "Berlin", postal_code: "10115", country: "DE" },
  };
  const placed = await orders.POST("/api/v1/orders/", { params: { header: { "Idempotency-Key": key } }, body: order });
  if (placed.error) fail("place the order", placed.error);
  // As after a lost answer: the same key and body again is the same order.
  const retried = await orders.POST("/api/v1/orders/", { params: { header: { "Idempotency-Key": key } }, body: order });
  if (retried.error) fail("retry the order", retried.error);

  const readBack = await orders.GET("/api/v1/orders/{order_id}/", { params: { path: { order_id: placed.data.id } } });
  if (readBack.error) fail("read the order back", readBack.error);

  return {
    token_type: tokens.token_type,
    found: found.includes(sku),
    product: { sku: read.data.sku, price: read.data.price, currency: read.data.currency },
    revalidated: revalidated.response.status,
    placed: { status: placed.response.status, id: placed.data.id, order_status: placed.data.status },
    retried: { id: retried.data.id, replayed: retried.response.headers.get("Idempotent-Replayed") },
    read_back: {
      id: readBack.data.id,
      status: readBack.data.status,
      total: readBack.data.total,
      lines: readBack.data.lines.map((line) => [line.sku, line.quantity]),
    },
  };
}

journey().then(
  (seen) => console.log(JSON.stringify(seen)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
