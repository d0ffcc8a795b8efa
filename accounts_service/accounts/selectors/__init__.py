"""Reads, one module per resource. Every query the API and the admin run over accounts' tables
starts here; import the functions from their module."""
