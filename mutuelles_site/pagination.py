from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


class ForgivingPaginationMixin:
    """Turn a bad ?page= into the nearest real page plus a message, instead of a 404.

    Counsellors share filtered links; when the content shrinks, page 3 of an old link should
    still land somewhere useful.
    """

    paginator_class = Paginator
    page_notice = None

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        raw = self.request.GET.get(self.page_kwarg, "1")
        try:
            page = paginator.page(raw)
        except PageNotAnInteger:
            page = paginator.page(1)
            self.page_notice = (
                "Le numéro de page demandé n'est pas valide : voici la première page."
            )
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
            self.page_notice = (
                f"La page {raw[:12]} n'existe pas : voici la dernière page ({paginator.num_pages})."
            )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_notice"] = self.page_notice
        return context
