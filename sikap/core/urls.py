from django.urls import path

from sikap.core import inbox_views
from sikap.core import operation_views as views

app_name = "core"

urlpatterns = [
    path("proses/<int:pk>/", views.operasi, name="operasi"),
    path("proses/<int:pk>/status/", views.operasi_status, name="operasi_status"),
    path("proses/<int:pk>/berkas/", views.operasi_berkas, name="operasi_berkas"),
    path("kotak-masuk/", inbox_views.kotak_masuk, name="kotak_masuk"),
    path("kotak-masuk/berikutnya/", inbox_views.berikutnya, name="kotak_masuk_berikutnya"),
]
