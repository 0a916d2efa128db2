"""How django-axes sees a visitor, and what it answers once they are locked out."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render


class LockoutBackend(AxesStandaloneBackend):
    """Refuses locked-out accounts and addresses; says nothing when there is no request.

    Every login form passes the request. Only code on the server itself authenticates
    without one (the test client's login(), a shell), and there is no visitor to lock out;
    axes would raise instead of letting the next backend decide.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


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
