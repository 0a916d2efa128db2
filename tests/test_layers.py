"""Imports run one way: selection -> content apps -> search -> project helpers."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"careers", "diplomas", "search", "backups", "selection", "mutuelles_site"}
CONTENT_APPS = {"careers", "diplomas"}


def imported_packages(package):
    """The project packages each module of `package` imports, migrations left out."""
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in PACKAGES - {package}:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_search_imports_no_content_app():
    imported = imported_packages("search")
    assert set(imported) <= {"mutuelles_site"}, imported


@pytest.mark.parametrize("app", sorted(CONTENT_APPS))
def test_each_content_app_registers_its_documents_in_its_own_search_module(app):
    assert imported_packages(app)["search"] == {f"{app}/search.py"}


@pytest.mark.parametrize("app", sorted(CONTENT_APPS))
def test_content_apps_know_nothing_of_the_selection(app):
    # Their pages show its button through a template tag; the selection knows them.
    assert "selection" not in imported_packages(app)


def test_project_helpers_import_no_app():
    # urls.py is the project's root URLconf: wiring the apps together is its job.
    imported = imported_packages("mutuelles_site")
    outside_urls = {
        package: files - {"mutuelles_site/urls.py"} for package, files in imported.items()
    }
    assert not any(outside_urls.values()), outside_urls
