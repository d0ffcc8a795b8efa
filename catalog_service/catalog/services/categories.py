"""Writes to the category tree."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from treebeard.exceptions import InvalidMoveToDescendant, PathOverflow  # type: ignore[import-untyped]

from catalog_service.catalog.exceptions import Conflict, InvalidInput, NotFound, StaleWrite
from catalog_service.catalog.models import Category, Product
from catalog_service.catalog.services.common import UNSET, Unset, constraint_name
from catalog_service.catalog.versions import entity_tag, precondition_holds

# Materialized paths are computed from the siblings present (the next free step), so two
# concurrent inserts under one parent would compute the same path. Tree writes are rare: they
# take one transaction-scoped advisory lock and run one at a time.
TREE_LOCK_KEY = 0x63_61_74_5F_74_72_65_65  # "cat_tree"


@dataclass(frozen=True)
class CategoryChanges:
    """The fields of a category to change; UNSET ones stay as they are."""

    name: str | Unset = UNSET
    slug: str | Unset = UNSET
    parent_id: int | Unset | None = UNSET


def category_create(*, name: str, slug: str, parent_id: int | None) -> Category:
    try:
        with transaction.atomic():
            _lock_tree()
            category = Category(name=name, slug=slug)
            if parent_id is None:
                created: Category = Category.objects.add_root(instance=category)
            else:
                created = Category.objects.add_child(_parent(parent_id), instance=category)
            return created
    except IntegrityError as exc:
        raise _slug_taken(exc) from exc
    except PathOverflow as exc:
        raise InvalidInput("The tree is too deep or too wide here.", field="parent") from exc


def category_update(*, category_id: int, changes: CategoryChanges, if_match: frozenset[str] | None) -> Category:
    try:
        with transaction.atomic():
            _lock_tree()
            category = _locked(category_id)
            if not precondition_holds(if_match, entity_tag(pk=category.pk, updated_at=category.updated_at)):
                raise StaleWrite
            if not isinstance(changes.name, Unset):
                category.name = changes.name
            if not isinstance(changes.slug, Unset):
                category.slug = changes.slug
            category.save(update_fields=["name", "slug", "updated_at"])
            if not isinstance(changes.parent_id, Unset):
                _move(category, changes.parent_id)
            category.refresh_from_db()
            return category
    except IntegrityError as exc:
        raise _slug_taken(exc) from exc
    except PathOverflow as exc:
        raise InvalidInput("The tree is too deep or too wide here.", field="parent") from exc


def category_delete(*, category_id: int, if_match: frozenset[str] | None) -> None:
    with transaction.atomic():
        _lock_tree()
        category = _locked(category_id)
        if not precondition_holds(if_match, entity_tag(pk=category.pk, updated_at=category.updated_at)):
            raise StaleWrite
        # Deleting a node would delete its subtree; refusing keeps a delete from taking more
        # than the client named.
        if category.numchild:
            raise Conflict("The category has subcategories; delete or move them first.", code="category_in_use")
        if Product.objects.filter(category_id=category.pk).exists():
            raise Conflict("The category has products; move them first.", code="category_in_use")
        category.delete()


def _move(category: Category, parent_id: int | None) -> None:
    current_parent = Category.objects.get_parent(category)
    if (current_parent.pk if current_parent else None) == parent_id:
        return
    try:
        if parent_id is None:
            Category.objects.move(category, Category.objects.get_last_root_node(), "last-sibling")
        else:
            Category.objects.move(category, _parent(parent_id), "last-child")
    except InvalidMoveToDescendant as exc:
        raise InvalidInput("A category cannot move under itself or its descendants.", field="parent") from exc
    category.refresh_from_db()
    # The move rewrote the paths and depths of the whole subtree without touching updated_at;
    # their entity tags must change with their representation.
    Category.objects.filter(path__startswith=category.path).update(updated_at=timezone.now())


def _parent(parent_id: int) -> Category:
    parent: Category | None = Category.objects.filter(pk=parent_id).first()
    if parent is None:
        raise InvalidInput(f"No category with id {parent_id}.", field="parent", code="does_not_exist")
    return parent


def _locked(category_id: int) -> Category:
    category: Category | None = Category.objects.select_for_update().filter(pk=category_id).first()
    if category is None:
        raise NotFound("No such category.")
    return category


def _lock_tree() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK_KEY])


def _slug_taken(exc: IntegrityError) -> Exception:
    if constraint_name(exc) == "category_slug_unique":
        return Conflict("Another category has this slug.", code="slug_taken", field="slug")
    return exc
