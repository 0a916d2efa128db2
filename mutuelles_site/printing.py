"""Printed pages lead back to the site: every link prints its full address.

Links are written as paths (`/metiers/actuaire/`), and CSS can print an attribute but not
make it absolute. This stylesheet, linked by every page for print only, gives the print
rules of site.css the site's own address (`--site-address`) to put before each path. Served
by Django rather than as a static file because the address is the request's (scheme and
host, as `build_absolute_uri` gives them): the same code serves any host name, and no
inline style is needed under the Content Security Policy. It sets no cookie and reads no
session, so any cache may keep it; the pages themselves stay free of per-host markup.
"""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

CACHE_SECONDS = 24 * 60 * 60


@require_safe
def print_addresses(request):
    # Safe inside a CSS string: get_host() lets through only a validated host name (letters,
    # digits, dots, hyphens, a port, IPv6 brackets), never a quote or a backslash.
    origin = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(
        f':root {{ --site-address: "{origin}"; }}\n', content_type="text/css; charset=utf-8"
    )
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
