import logging

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from mutuelles_site.axes_hooks import client_ip

logger = logging.getLogger(__name__)


class AnonThrottle(AnonRateThrottle):
    """Requests per client address, at the rate API_THROTTLE_RATE gives when the request
    comes (DRF's own reads its rate once, at import)."""

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def allow_request(self, request, view):
        # The counts live in the cache; while it is unreachable the API answers unthrottled
        # rather than with a 500.
        try:
            return super().allow_request(request, view)
        except Exception as error:
            logger.warning("API throttle skipped, cache unavailable: %s", error)
            return True

    def get_ident(self, request):
        # DRF's own reads X-Forwarded-For whatever stands in front, so a visitor who
        # writes a new address in it each time is never throttled. The site knows one
        # client address, the one the admin lockout counts (BEHIND_PROXY and
        # TRUSTED_PROXY_COUNT decide which entries to trust).
        return client_ip(request) or ""
