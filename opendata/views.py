import json
import re

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

from .exports import DATASETS, csv_lines
from .licence import ATTRIBUTION, LICENCE, LICENCE_URL, link_header, meta


class OpenDataView(TemplateView):
    """/donnees/: the downloads, their fields, the API and the licence."""

    template_name = "opendata/donnees.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["datasets"] = DATASETS.values()
        context["licence"] = {"name": LICENCE, "url": LICENCE_URL, "attribution": ATTRIBUTION}
        return context


@require_safe
def download(request, dataset, extension):
    """/donnees/<dataset>.csv or .json, built from the database now."""
    if dataset not in DATASETS or extension not in ("csv", "json"):
        raise Http404("Ce fichier n’existe pas.")
    data = DATASETS[dataset]
    if extension == "csv":
        response = StreamingHttpResponse(
            csv_lines(data, request), content_type="text/csv; charset=utf-8"
        )
    else:
        body = {
            "meta": meta(request),
            "fields": [{"name": c.name, "description": c.description} for c in data.columns],
            "data": list(data.records(request)),
        }
        response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{dataset}.{extension}"'
    response["Link"] = link_header()
    return response


class ApiDocsView(TemplateView):
    """/api/v1/docs/: the OpenAPI schema read as a page of the site, server-rendered.

    Swagger UI and Redoc need inline styles (and Redoc a blob: worker) that the site's
    Content Security Policy refuses; this page needs no script at all.
    """

    template_name = "opendata/api_docs.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        schema = SchemaGenerator().get_schema(request=None, public=True)
        operations = []
        for path, methods in schema["paths"].items():
            for method, operation in methods.items():
                parameters = [parameter(p) for p in operation.get("parameters", [])]
                operations.append(
                    {
                        "method": method.upper(),
                        "path": path,
                        "summary": operation.get("summary", ""),
                        "parameters": parameters,
                        "statuses": sorted(operation.get("responses", {})),
                    }
                )
        context["operations"] = operations
        context["info"] = schema["info"]
        context["example"] = json.dumps(meta(self.request), ensure_ascii=False, indent=2)
        return context


# drf-spectacular describes each choice of a parameter as a Markdown item: "* `2` - bac + 2".
CHOICE = re.compile(r"^\* `(?P<value>[^`]*)` - (?P<label>.*)$", re.MULTILINE)


def parameter(schema):
    """A parameter of the OpenAPI schema as the docs page shows it: its name, where it
    goes, its description and its choices with their labels."""
    description = schema.get("description", "")
    summary = description.split("\n\n")[0].strip()
    if summary and summary[-1] not in ".!?":
        summary += "."
    return {
        "name": schema["name"],
        "where": {"path": "chemin", "query": "requête"}.get(schema["in"], schema["in"]),
        "description": summary,
        "choices": [(m["value"], m["label"]) for m in CHOICE.finditer(description)],
    }


def api_not_found(request, *args, **kwargs):
    return JsonResponse(
        {"detail": "Adresse inconnue dans l’API.", "meta": meta(request)},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
