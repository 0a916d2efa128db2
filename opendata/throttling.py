from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonThrottle(AnonRateThrottle):
    """Requests per client address, at the rate API_THROTTLE_RATE gives when the request
    comes (DRF's own reads its rate once, at import)."""

    def get_rate(self):
        return settings.API_THROTTLE_RATE
