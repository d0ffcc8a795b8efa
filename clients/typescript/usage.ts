// Written by hand: a consumer of the generated types with openapi-fetch, so `tsc --noEmit`
// (make clients-check) proves they describe requests and answers a program can use, and that a
// call's answer is the success or one of the two shared error shapes, nothing else.
import createClient from "openapi-fetch";
import type { components as Accounts, paths as AccountsPaths } from "./accounts";
import type { components as Catalog, paths as CatalogPaths } from "./catalog";
import type { components as Orders, paths as OrdersPaths } from "./orders";

type TokenPair = Accounts["schemas"]["TokenPair"];
type Product = Catalog["schemas"]["Product"];
type Order = Orders["schemas"]["Order"];
type ErrorBody = Orders["schemas"]["ErrorResponse"] | Orders["schemas"]["ValidationErrorResponse"];

const accounts = createClient<AccountsPaths>({ baseUrl: "http://127.0.0.1:8001" });
const catalog = createClient<CatalogPaths>({ baseUrl: "http://127.0.0.1:8002" });

export async function signIn(email: string, password: string): Promise<TokenPair> {
  const { data, error } = await accounts.POST("/api/v1/auth/token/", { body: { email, password } });
  if (error) {
    throw new Error(error.errors[0]?.code ?? error.type);
  }
  return data;
}

export async function search(q: string): Promise<string[]> {
  // Anonymous: the public catalog needs no token.
  const { data } = await catalog.GET("/api/v1/products/", { params: { query: { q, page_size: 20 } } });
  return data ? data.results.map((product) => product.sku) : [];
}

export async function product(sku: string, etag?: string): Promise<Product | "unchanged"> {
  const header = etag === undefined ? {} : { "If-None-Match": etag };
  const { data, error, response } = await catalog.GET("/api/v1/products/{sku}/", {
    params: { path: { sku }, header },
  });
  if (response.status === 304) {
    return "unchanged";
  }
  if (error) {
    throw new Error(error.errors[0]?.code ?? error.type);
  }
  return data;
}

export async function placeOrder(tokens: TokenPair, sku: string, key: string): Promise<Order | ErrorBody> {
  const orders = createClient<OrdersPaths>({
    baseUrl: "http://127.0.0.1:8003",
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });
  const { data, error } = await orders.POST("/api/v1/orders/", {
    params: { header: { "Idempotency-Key": key } },
    body: {
      lines: [{ sku, quantity: 1 }],
      shipping_address: { recipient: "Pat", line1: "1 Main Street", city: "Berlin", postal_code: "10115", country: "DE" },
    },
  });
  return data ?? error;
}

export function total(placed: Order): string | null {
  return placed.status === "confirmed" ? placed.total : null;
}
