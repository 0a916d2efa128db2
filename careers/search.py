"""Keyword matching shared by the job list filter (and, later, the search page)."""

from django.db.models import Q


def filter_careers(queryset, query):
    words = query.split()
    for word in words:
        queryset = queryset.filter(
            Q(title_masculine__icontains=word)
            | Q(title_feminine__icontains=word)
            | Q(lead__icontains=word)
            | Q(body__icontains=word)
        )
    return queryset
