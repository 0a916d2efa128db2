from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class OpenDataSitemap(Sitemap):
    """The open-data page; its files are built on request and carry no date of their own."""

    def items(self):
        return ["opendata:page", "api:docs"]

    def location(self, item):
        return reverse(item)
