"""Reads of users: lists, searches, one user, the user a reset link names."""

import functools
import uuid
from typing import Any, cast

from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Field, Prefetch, Q, QuerySet
from django.db.models.options import Options
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from accounts_service.accounts.models import NAME_SEARCH_VECTOR, User, normalize_email


def user_list() -> QuerySet[User]:
    """Users with their groups (by name, so bodies are stable), in two queries whatever the page size."""
    return User.objects.prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))


def user_search(queryset: QuerySet[User], term: str) -> QuerySet[User]:
    """Users whose email starts with ``term`` or whose name has its words.

    Both halves use an index: emails are stored lower-cased, so a case-sensitive prefix match
    on the normalised term uses the pattern-ops index PostgreSQL keeps for the unique email;
    the name is matched by full-text search over the GIN index on the same expression.
    """
    name_matches = SearchQuery(term, config="simple", search_type="websearch")
    return queryset.annotate(name_search=NAME_SEARCH_VECTOR).filter(
        Q(email__startswith=normalize_email(term)) | Q(name_search=name_matches)
    )


def user_get(*, user_id: uuid.UUID | str) -> User | None:
    return user_list().filter(pk=user_id).first()


# The columns of a user that the API shows (UserSerializer's fields but groups).
USER_COLUMNS = ("id", "email", "full_name", "is_active", "is_staff", "is_superuser", "date_joined", "last_login")


def user_row(*, user_id: uuid.UUID | str) -> dict[str, Any] | None:
    """One user's ``USER_COLUMNS`` and ``group_names`` (by name), in one query.

    The user read services make on every order placement (orders copies the customer's email
    and name): ``user_get``'s model instance and prefetch of its groups were two queries and
    most of accounts' CPU for that request, and building and compiling the same queryset as one
    query (an ``ArraySubquery``) still cost more CPU than the rest of the request
    (docs/performance.md, "The saga"). So the SQL is written out once, from the models' names.
    """
    with connection.cursor() as cursor:
        cursor.execute(_user_row_sql(), [uuid.UUID(str(user_id))])
        found = cursor.fetchone()
    return None if found is None else dict(zip((*USER_COLUMNS, "group_names"), found, strict=True))


@functools.cache
def _user_row_sql() -> str:
    quote = connection.ops.quote_name
    link = User.groups.through._meta

    def column(meta: Options[Any], name: str) -> str:
        return quote(cast(Field[Any, Any], meta.get_field(name)).column)

    columns = ", ".join(f"u.{column(User._meta, name)}" for name in USER_COLUMNS)
    # Group names as the prefetch ordered them (Group.objects.order_by("name")).
    return (
        f"SELECT {columns}, ARRAY(SELECT g.{column(Group._meta, 'name')} FROM {quote(Group._meta.db_table)} g "  # noqa: S608
        f"JOIN {quote(link.db_table)} l ON l.{column(link, 'group')} = g.{column(Group._meta, 'id')} "
        f"WHERE l.{column(link, 'user')} = u.{column(User._meta, 'id')} ORDER BY g.{column(Group._meta, 'name')}) "
        f"FROM {quote(User._meta.db_table)} u WHERE u.{column(User._meta, 'id')} = %s"
    )


def user_get_active(*, user_id: uuid.UUID | str, with_groups: bool = False) -> User | None:
    """The user behind an access token, if still active: tokens outlive deactivation briefly."""
    users = user_list() if with_groups else User.objects.all()
    return users.filter(pk=user_id, is_active=True).first()


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email=normalize_email(email)).first()


def user_group_names(*, user: User) -> list[str]:
    return list(user.groups.order_by("name").values_list("name", flat=True))


def user_for_password_reset(*, uid: str, token: str) -> User | None:
    """The active user a mailed reset link names, if its token is still valid (one use only).

    The token covers the password hash and last login, so it expires as soon as either changes.
    """
    try:
        user_id = uuid.UUID(force_str(urlsafe_base64_decode(uid)))
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user
