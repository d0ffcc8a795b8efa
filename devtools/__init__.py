"""The dev runner and the test support: for this checkout only, never installed in the image
(docs/architecture.md, "What `devtools/` contains")."""
