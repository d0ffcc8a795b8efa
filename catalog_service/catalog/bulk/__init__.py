"""Bulk import and export of products (docs/catalog-bulk.md).

``readers`` turns an import file into records, ``rows`` validates them, ``digests`` hashes them
(so that unchanged rows are left out), ``loader`` writes the valid ones with COPY and one upsert
per batch, ``chunks`` keeps uploads in PostgreSQL, and ``export`` streams products out.
``services.imports`` ties them into a job.
"""
