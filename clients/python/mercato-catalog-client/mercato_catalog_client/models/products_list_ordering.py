from enum import StrEnum


class ProductsListOrdering(StrEnum):
    NAME = "name"
    PRICE = "price"
    RELEVANCE = "relevance"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-name"
    VALUE_3 = "-price"
    VALUE_5 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
