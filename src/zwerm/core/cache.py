"""Django's Redis cache, keeping one client object per connection pool, and timing every command.

Django's RedisCacheClient builds a new `redis.Redis` for every cache call, which costs more CPU than the
call itself (measured on the vote path: about a third of a millisecond per request). A client is
thread-safe over its pool and the pool notices a fork, so one per pool is enough. Every command's
round trip is added to the request's tally (core.timing), which the metrics report as cache time."""

import time

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from .timing import tally_add


class _TimedRedis(redis.Redis):
    def execute_command(self, *args, **options):
        started = time.perf_counter()
        try:
            return super().execute_command(*args, **options)
        finally:
            tally_add("cache", time.perf_counter() - started)


class _ReusedClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._client = _TimedRedis
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClient
