"""reverse(), remembered: the same view name and arguments always give the same path."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=10_000)
def _reverse(viewname, args, prefix, urlconf):
    return reverse(viewname, args=args, urlconf=urlconf)


def cached_reverse(viewname, *args):
    """The path django.urls.reverse gives for `viewname` and positional `args` (str).

    A job page reverses some thirty addresses, at 20 to 30 µs each (profiled on 2026-11-30):
    its table's diplomas, the other jobs of its family, the breadcrumb. The answer depends
    only on its arguments, the script prefix and the URLconf, which are all in the key, so
    it is remembered per process (at most 10,000 addresses: 100 times the brochure's pages
    take about 6,000). Raises NoReverseMatch as reverse() does.
    """
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reverse(viewname, args, get_script_prefix(), urlconf)
