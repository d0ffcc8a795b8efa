from enum import StrEnum


class ProductsCreateAttributesErrorComponentCode(StrEnum):
    INVALID = "invalid"
    NOT_AN_OBJECT = "not_an_object"
    NULL = "null"
    NULL_CHARACTER = "null_character"
    TOO_DEEP = "too_deep"
    TOO_LARGE = "too_large"

    def __str__(self) -> str:
        return str(self.value)
