// Written by hand: a consumer of the generated types, so `tsc --noEmit` (make clients-check)
// proves they describe requests and responses a program can use, not only that they parse.
import type { components as Accounts, paths as AccountsPaths } from "./accounts";
import type { components as Catalog, operations as CatalogOperations } from "./catalog";
import type { components as Orders, paths as OrdersPaths } from "./orders";

type SignIn = AccountsPaths["/api/v1/auth/token/"]["post"]["requestBody"]["content"]["application/json"];
type TokenPair = Accounts["schemas"]["TokenPair"];
type ProductPage = Catalog["schemas"]["PaginatedProductList"];
type ProductQuery = NonNullable<CatalogOperations["products_list"]["parameters"]["query"]>;
type ProductHeaders = NonNullable<CatalogOperations["products_retrieve"]["parameters"]["header"]>;
type PlaceOrder = OrdersPaths["/api/v1/orders/"]["post"];
type OrderRequest = PlaceOrder["requestBody"]["content"]["application/json"];
type Order = Orders["schemas"]["Order"];
type ErrorBody = Orders["schemas"]["ErrorResponse404"];

export const signIn: SignIn = { email: "customer@mercato.local", password: "mercato-admin" };

export function bearer(tokens: TokenPair): string {
  return `${tokens.token_type} ${tokens.access_token}`;
}

export const search: ProductQuery = { q: "lamp", page_size: 20 };

export const revalidate: ProductHeaders = { "If-None-Match": '"etag-from-an-earlier-read"' };

export const order: OrderRequest = {
  lines: [{ sku: "LAMP-1", quantity: 2 }],
  shipping_address: { recipient: "Pat", line1: "1 Main Street", city: "Berlin", postal_code: "10115", country: "DE" },
};

export const idempotencyKey: PlaceOrder["parameters"]["header"]["Idempotency-Key"] = crypto.randomUUID();

export function skus(page: ProductPage): string[] {
  return page.results.map((product) => product.sku);
}

export function total(placed: Order): string | null {
  return placed.status === "confirmed" ? placed.total : null;
}

export function firstProblem(body: ErrorBody): string | undefined {
  return body.errors[0]?.detail;
}
