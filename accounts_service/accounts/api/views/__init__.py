"""The accounts API, one module per resource. Views parse, call a service or selector, serialize."""
