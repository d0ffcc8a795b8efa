"""Swagger UI and ReDoc of every service render their operations in a real browser: their
scripts run under the Content-Security-Policy (the journey fixture fails on any violation)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from devtools.devstack import ServiceProcess
from tests.browser.conftest import Journey
from tests.e2e.schemas import OPERATIONS, SERVICES


def operation_count(service: str) -> int:
    return sum(1 for operation in OPERATIONS if operation.service == service)


@pytest.mark.parametrize("service", SERVICES)
def test_swagger_ui_renders_every_operation(system: dict[str, ServiceProcess], journey: Journey, service: str) -> None:
    page = journey.new_page()
    page.goto(system[service].base_url + "/api/docs/")
    # One block per operation, built by Swagger UI's scripts from /api/schema/.
    operations = page.locator(".opblock")
    expect(operations).to_have_count(operation_count(service))
    operations.first.locator(".opblock-summary").click()
    expect(operations.first.locator(".opblock-body")).to_be_visible()


@pytest.mark.parametrize("service", SERVICES)
def test_redoc_renders_every_operation(system: dict[str, ServiceProcess], journey: Journey, service: str) -> None:
    page = journey.new_page()
    page.goto(system[service].base_url + "/api/redoc/")
    # One section per operation, built by ReDoc's script from /api/schema/.
    operations = page.locator("div[id^='operation/']")
    expect(operations).to_have_count(operation_count(service))
    expect(operations.first.locator("h2")).to_be_visible()
