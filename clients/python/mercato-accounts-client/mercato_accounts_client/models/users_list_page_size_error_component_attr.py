from enum import StrEnum


class UsersListPageSizeErrorComponentAttr(StrEnum):
    PAGE_SIZE = "page_size"

    def __str__(self) -> str:
        return str(self.value)
