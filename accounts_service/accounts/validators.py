from collections.abc import Sequence

from django.contrib.auth import password_validation


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    """Django's similarity check against the attributes this user has: email and full name.

    Django's default list (username, first_name, last_name, email) misses the full name.
    """

    def __init__(self, user_attributes: Sequence[str] = ("email", "full_name"), max_similarity: float = 0.7) -> None:
        super().__init__(user_attributes=user_attributes, max_similarity=max_similarity)
