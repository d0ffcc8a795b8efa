"""Reads of the category tree."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Length, Substr

from catalog_service.catalog.exceptions import NotFound
from catalog_service.catalog.models import Category


def category_list(*, parent_id: int | None = None, max_depth: int | None = None) -> QuerySet[Category]:
    """The tree, flat in depth-first order (a parent before its children), each with its parent.

    ``parent_id``: only the descendants of that category. ``max_depth``: only down to that depth
    (1 = the roots). One query; an unknown ``parent_id`` gives an empty list.
    """
    categories = _with_parent(Category.objects.all()).order_by("path")
    if parent_id is not None:
        parent_path = Category.objects.filter(pk=parent_id).values_list("path", flat=True).first()
        if parent_path is None:
            return categories.none()
        # A prefix match on the C-collated path: an index range scan of the subtree.
        categories = categories.filter(path__startswith=parent_path).exclude(path=parent_path)
    if max_depth is not None:
        categories = categories.filter(depth__lte=max_depth)
    return categories


def category_get(*, category_id: int) -> Category:
    category = _with_parent(Category.objects.filter(pk=category_id)).first()
    if category is None:
        raise NotFound("No such category.")
    return category


def _with_parent(categories: QuerySet[Category]) -> QuerySet[Category]:
    # The materialized path has no parent column: the parent is the row whose path is this
    # path minus its last step, found through the unique index on path.
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Category.steplen)
    annotated: QuerySet[Category] = categories.annotate(
        parent_id=Subquery(Category.objects.filter(path=parent_path).order_by().values("pk")[:1])
    )
    return annotated
