"""Forms that post without a CSRF token, refused unless the browser says they come from here.

Why not Django's token: rendering `{% csrf_token %}` sets the csrftoken cookie and adds
`Vary: Cookie`, so every job and diploma page (each carries « Ajouter à ma sélection »)
would set a cookie for every visitor, and no cache could share them between anonymous
visitors. The views these guard are exempt from the token and check instead the headers
a browser sets itself and no other site's page can forge: Sec-Fetch-Site, Origin and
Referer (sent for same-origin requests under our Referrer-Policy "same-origin"). Each
header present must name this site, and at least one must be present. What they change is
the visitor's own list of jobs and diplomas: nothing a forged request could exploit beyond
that list, which SameSite=Lax cookies already keep from cross-site posts.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def is_same_origin(request):
    """True when the request's headers show it was sent by a page of this site."""
    site = {request.build_absolute_uri("/").rstrip("/"), *settings.CSRF_TRUSTED_ORIGINS}
    checks = []
    if "Sec-Fetch-Site" in request.headers:
        checks.append(request.headers["Sec-Fetch-Site"] == "same-origin")
    if "Origin" in request.headers:
        checks.append(request.headers["Origin"] in site)
    if "Referer" in request.headers:
        checks.append(_origin(request.headers["Referer"]) in site)
    return bool(checks) and all(checks)


def same_origin_post(view):
    """A POST-only view, without CSRF token, that answers 403 to a request from elsewhere."""

    @csrf_exempt
    @require_POST
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_same_origin(request):
            return render(request, "403_origin.html", status=403)
        return view(request, *args, **kwargs)

    return guarded
