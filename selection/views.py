from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme

from mutuelles_site.origin import same_origin_post

from .qr import qr_svg
from .store import DIPLOMA, JOB, KINDS, MAX_ITEMS, Selection, lookup


def selection_page(request):
    """The visitor's selection, or, with `m`/`f` parameters, a shared one (read-only)."""
    shared = any(kind in request.GET for kind in KINDS)
    if shared:
        selection, notes = Selection.from_query(request.GET)
    else:
        selection, notes = Selection.from_session(request.session), []
    jobs, diplomas, missing = selection.items()
    for item in [*jobs, *diplomas]:
        item.address = request.build_absolute_uri(item.get_absolute_url())
        item.qr_code = qr_svg(item.address, title=f"Code QR vers {item.address}")
    found = Selection([job.slug for job in jobs], [diploma.slug for diploma in diplomas])
    share_url = request.build_absolute_uri(f"{reverse('selection:page')}?{found.query_string()}")
    response = render(
        request,
        "selection/selection.html",
        {
            "shared": shared,
            "jobs": jobs,
            "diplomas": diplomas,
            "notes": notes + missing,
            "found": found,
            "share_url": share_url if found else None,
            "noindex": True,
            "page_name": "selection",
        },
    )
    # Each visitor's own list, or a link's: never stored by a cache, never indexed.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _back(request, item):
    """Where the form was: the `next` path if it is one of this site's, else the item."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(item.get_absolute_url() if item else "selection:page")


def _posted_item(request):
    for kind in (JOB, DIPLOMA):
        if kind in request.POST:
            return lookup(kind, request.POST[kind])
    return None


def _change(request, change, done, not_found, absent=None):
    """Applies `change(selection, item)` to the posted item, then says `done` (a format
    string naming the item) or `not_found`, and leads back to the form's page. With
    `absent`, an item the selection does not hold is left alone and `absent` says so."""
    item = _posted_item(request)
    if item is None:
        messages.error(request, not_found)
        return _back(request, None)
    selection = Selection.from_session(request.session)
    if absent and item not in selection:
        messages.info(request, absent.format(item))
    elif change(selection, item) is False:
        messages.error(
            request, f"Votre sélection compte déjà {MAX_ITEMS} éléments de ce type : retirez-en un."
        )
    else:
        selection.save(request.session)
        messages.success(request, done.format(item))
    return _back(request, item)


@same_origin_post
def add(request):
    return _change(
        request,
        Selection.add,
        "« {} » est dans votre sélection.",
        "Ce métier ou cette formation n’existe pas : rien n’a été ajouté.",
    )


@same_origin_post
def remove(request):
    return _change(
        request,
        Selection.remove,
        "« {} » a été retiré de votre sélection.",
        "Ce métier ou cette formation n’existe pas : rien n’a été retiré.",
        absent="« {} » n’était pas dans votre sélection : rien n’a été retiré.",
    )


@same_origin_post
def import_shared(request):
    """Adds a shared selection's items (the `m` and `f` of the form) to the visitor's own."""
    shared, left_out = Selection.from_query(request.POST)
    jobs, diplomas, unknown = shared.items()
    if not jobs and not diplomas:
        # Nothing the link names exists: say which, not that it was already there.
        messages.error(request, "Rien n’a été ajouté à votre sélection.")
        for note in [*left_out, *unknown] or ["Le lien ne nomme aucun métier ni formation."]:
            messages.error(request, note)
        return redirect("selection:page")
    selection = Selection.from_session(request.session)
    added = [item for item in [*jobs, *diplomas] if item not in selection and selection.add(item)]
    selection.save(request.session)
    if added:
        count = len(added)
        messages.success(
            request,
            f"{count} élément{'s' if count > 1 else ''} ajouté{'s' if count > 1 else ''} "
            "à votre sélection.",
        )
    else:
        messages.info(request, "Rien de nouveau : ces éléments étaient déjà dans votre sélection.")
    for note in [*left_out, *unknown]:
        messages.info(request, note)
    return redirect("selection:page")
