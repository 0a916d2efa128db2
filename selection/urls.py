from django.urls import path

from . import views

app_name = "selection"

urlpatterns = [
    path("selection/", views.selection_page, name="page"),
    path("selection/ajouter/", views.add, name="add"),
    path("selection/retirer/", views.remove, name="remove"),
    path("selection/importer/", views.import_shared, name="import"),
]
