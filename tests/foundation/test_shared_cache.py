"""The shared Redis cache that production uses for rate limits, sessions and the host lookup."""

import socket

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from zwerm.core.cache import ReusingRedisCache

REDIS = ("127.0.0.1", 6379)


def _redis_up() -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(REDIS) == 0


pytestmark = pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")


def test_the_cache_behaves_as_djangos_redis_cache_and_reuses_its_client():
    cache = ReusingRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "zwerm-test"})
    assert isinstance(cache, DjangoRedisCache)
    cache.set("teller", 1, 30)
    assert cache.incr("teller") == 2  # what the rate limits rely on
    assert cache.get("teller") == 2
    assert cache.get_many(["teller", "niets"]) == {"teller": 2}
    assert cache._cache.get_client() is cache._cache.get_client()
    cache.delete("teller")
    assert cache.get("teller") is None
