"""A clear 503 page while the database is unreachable, instead of a stack trace or a 500.

Nothing is retried here: Django opens a fresh connection on the next request (and the
connection health check drops a dead one), so the site recovers by itself once the database
is back. Every other exception goes on to Django's usual handling.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable():
    # Rendered without a request so that no context processor can touch the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # A proxy must not keep serving the outage once the database is back.
    patch_cache_control(response, no_store=True)
    return response


class DatabaseUnavailableMiddleware:
    """Answers 503 when a view (or its template) cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error("Database unavailable while serving %s", request.path, exc_info=exception)
        return database_unavailable()


def server_error(request):
    """handler500: the same 503 when a middleware, not a view, hit the dead database.

    Django has already logged the exception as a server error by the time it calls this.
    """
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable()
    return defaults.server_error(request)
