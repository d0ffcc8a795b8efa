from enum import StrEnum


class UsersMeAddressesListPageSizeErrorComponentAttr(StrEnum):
    PAGE_SIZE = "page_size"

    def __str__(self) -> str:
        return str(self.value)
