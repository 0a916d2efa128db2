from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


class ForgivingPaginationMixin:
    """Turn a bad ?page= into the nearest real page plus a message, instead of a 404.

    Counsellors share filtered links; when the content shrinks, page 3 of an old link should
    still land somewhere useful.
    """

    paginator_class = Paginator
    page_notice = None
    # The number of the page shown, which a bad ?page= does not name.
    page_number = 1

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        # An empty ?page= is the first page, as no page number is.
        raw = self.request.GET.get(self.page_kwarg) or "1"
        try:
            page = paginator.page(raw)
        except PageNotAnInteger:
            page = paginator.page(1)
            self.page_notice = (
                "Le numéro de page demandé n’est pas valide : voici la première page."
            )
        except EmptyPage:
            # Past the end, the last page is the nearest; 0 or below, the first.
            if int(raw) < 1:
                page = paginator.page(1)
                self.page_notice = f"La page {raw[:12]} n’existe pas : voici la première page."
            else:
                page = paginator.page(paginator.num_pages)
                self.page_notice = (
                    f"La page {raw[:12]} n’existe pas : voici la dernière page "
                    f"({paginator.num_pages})."
                )
        self.page_number = page.number
        return paginator, page, page.object_list, page.has_other_pages()

    def shown_query(self):
        """The request's query, its page number replaced by that of the page shown (none
        for the first): what the canonical address and the links back to it carry."""
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        if self.page_number > 1:
            query[self.page_kwarg] = str(self.page_number)
        return query

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_notice"] = self.page_notice
        return context
