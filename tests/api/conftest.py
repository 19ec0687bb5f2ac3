"""Fixtures for the API tests: a client that speaks to the test municipality, and a filled municipality."""

import pytest
from rest_framework.test import APIClient

from .builders import HOST, build_world


class Api:
    """Calls /api/v1/... on a host (the municipality), optionally with a token."""

    def __init__(self, host=HOST):
        self.client = APIClient()
        self.host = host

    def _headers(self, token, extra):
        headers = {"HTTP_HOST": self.host}
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        headers.update(extra)
        return headers

    def get(self, path, params=None, *, token=None, **extra):
        return self.client.get(f"/api/v1/{path}", params or {}, **self._headers(token, extra))

    def post(self, path, data=None, *, token=None, format="json", **extra):  # noqa: A002
        return self.client.post(f"/api/v1/{path}", data, format=format, **self._headers(token, extra))

    def call(self, method, path, *, token=None, **extra):
        return self.client.generic(method, f"/api/v1/{path}", **self._headers(token, extra))


@pytest.fixture
def api():
    return Api()


@pytest.fixture
def other_api():
    return Api(host="andersum.localhost")


@pytest.fixture
def world(municipality, neighbourhood, make_staff):
    return build_world(municipality, neighbourhood, make_staff, sensing=False)


@pytest.fixture
def sensing_world(municipality, neighbourhood, make_staff):
    return build_world(municipality, neighbourhood, make_staff, sensing=True)
