"""Django's Redis cache, with one client object per connection pool instead of per call.

Django 5.2's RedisCacheClient.get_client() builds a new redis.Redis for every cache call;
building one (its response-callback tables) cost about as much CPU as the rest of a page
served from the cache (profiled under gunicorn, see README "Scaling out"). A redis.Redis
holds no connection of its own, only its pool's, so sharing it across threads is safe.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingClient
