from django.urls import path

from sikap.core import inbox_views

app_name = "core"

urlpatterns = [
    path("kotak-masuk/", inbox_views.kotak_masuk, name="kotak_masuk"),
    path("kotak-masuk/berikutnya/", inbox_views.berikutnya, name="kotak_masuk_berikutnya"),
]
