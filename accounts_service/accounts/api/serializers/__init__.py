"""Request and response bodies of the accounts API, one module per resource."""
