"""How django-axes sees a visitor, and what it answers once they are locked out."""

import ipaddress
import re

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render

# Entries are read with Python's ipaddress, not python-ipware. Tried (4.1.1) on the forms
# below, it answered 1.2.3.4, an entry the visitor wrote, for "1.2.3.4, unknown" with
# proxy_count=0 and for "1.2.3.4, 198.51.100.7:51234" with proxy_count=1, and returned
# nothing for a lone "198.51.100.7:51234" with proxy_count=1. What is left to write is
# these two patterns.

# "[2001:db8::1]:443" or "[2001:db8::1]": the brackets RFC 7239 (section 6) puts around IPv6.
BRACKETED = re.compile(r"\[(?P<host>[^\]]+)\](?::[0-9]{1,5})?")
# "198.51.100.7:51234": IPv4 with the client's port, as some cloud load balancers write it.
WITH_PORT = re.compile(r"(?P<host>[^:]+):[0-9]{1,5}")


class LockoutBackend(AxesStandaloneBackend):
    """Refuses locked-out logins; says nothing when there is no request.

    Every login form passes the request. Only code on the server itself authenticates
    without one (the test client's login(), a shell), and there is no visitor to lock out;
    axes would raise instead of letting the next backend decide.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def parse_address(entry):
    """One address as a proxy or server wrote it, as the database stores it, or None.

    Takes an X-Forwarded-For entry or REMOTE_ADDR: IPv4 or IPv6, with or without a port,
    IPv6 in brackets or bare, surrounded by spaces. Returns the address alone in its
    canonical form ("2001:db8::1", IPv4-mapped IPv6 as IPv4, no zone such as "%eth0"),
    so that every way of writing one address counts as one. Returns None for anything
    else ("unknown", an RFC 7239 obfuscated name, a host name, garbage).
    """
    text = entry.strip()
    match = BRACKETED.fullmatch(text) or WITH_PORT.fullmatch(text)
    host = match["host"] if match else text
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        # PostgreSQL's inet refuses a zone; the address without it names the same visitor.
        address = ipaddress.IPv6Address(int(address))
    return str(address)


def client_ip(request):
    """The visitor's address, for locking out password guessers; None if there is none.

    Without BEHIND_PROXY, REMOTE_ADDR. Behind TRUSTED_PROXY_COUNT proxies that each append
    to X-Forwarded-For the address they received the request from, the visitor's address
    is the entry that many positions from the right (MDN, "X-Forwarded-For", selecting an
    IP address by trusted proxy count). Entries further left are whatever the visitor
    chose to send: never read. Entries may carry a port or brackets, or be "unknown"
    (RFC 7239, section 6); see parse_address(). When the visitor's entry is missing or
    unreadable, the next readable entry to its right is used (one of our proxies wrote it:
    the address of the proxy the visitor reached), then REMOTE_ADDR (our last proxy) as a
    last resort. Visitors then share one address, which can lock them out together but
    never lets a guesser escape the lockout.
    """
    remote_addr = parse_address(request.META.get("REMOTE_ADDR", ""))
    if not settings.BEHIND_PROXY:
        return remote_addr
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for entry in entries[-settings.TRUSTED_PROXY_COUNT :]:
        address = parse_address(entry)
        if address:
            return address
    return remote_addr


def lockout_response(request, original_response, credentials):
    # Axes' own page is English and says nothing about how long the wait is.
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": seconds // 60}
    response = render(request, "axes_lockout.html", context, status=429)
    # RFC 9110 §10.2.3: how long to wait, for clients and proxies that read it.
    response["Retry-After"] = str(seconds)
    return response
