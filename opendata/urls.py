from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("donnees/", views.OpenDataView.as_view(), name="page"),
    path("donnees/<slug:dataset>.<str:extension>", views.download, name="download"),
]
