"""How django-axes sees a visitor, and what it answers once they are locked out."""

from django.conf import settings
from django.shortcuts import render


def client_ip(request):
    """The visitor's address, for locking out password guessers.

    Behind our proxy every request comes from the proxy itself, so the address is the last
    X-Forwarded-For entry: the one our proxy appended. Earlier entries are whatever the client
    chose to send and cannot be trusted.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response, credentials):
    # Axes' own page is English and says nothing about how long the wait is.
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "axes_lockout.html", context, status=429)
