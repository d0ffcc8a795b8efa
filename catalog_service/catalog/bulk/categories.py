"""How import rows name categories: by slug (``phones``) or by slug path (``electronics/phones``)."""

from __future__ import annotations

from catalog_service.catalog.models import Category


def category_refs() -> dict[str, int]:
    """Every slug and every slug path of the tree, mapped to the category's id.

    The whole tree is read once per import: it has hundreds or thousands of nodes, and a
    dictionary lookup per row is far cheaper than a query per row or per batch.
    """
    refs: dict[str, int] = {}
    slug_paths: dict[str, str] = {}  # materialized path -> slug path
    steplen = Category.steplen
    # Ordered by path, so a parent always comes before its children.
    for pk, path, slug in Category.objects.order_by("path").values_list("pk", "path", "slug").iterator(2000):
        parent = slug_paths.get(path[:-steplen])
        slug_path = f"{parent}/{slug}" if parent else slug
        slug_paths[path] = slug_path
        refs[slug] = pk
        refs[slug_path] = pk
    return refs
