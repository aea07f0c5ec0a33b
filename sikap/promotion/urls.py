from django.urls import path

from sikap.promotion import views

app_name = "promotion"

urlpatterns = [
    path("kp/", views.index, name="index"),
    path("kp/saya/", views.saya, name="saya"),
    path("kp/periode/<int:pk>/", views.periode, name="periode"),
    path("kp/periode/<int:pk>/usul/", views.buka, name="buka"),
    path("kp/periode/<int:pk>/usulan/", views.daftar_usulan, name="daftar_usulan"),
    path("kp/periode/<int:pk>/dasbor/", views.dasbor, name="dasbor"),
    path("kp/periode/<int:pk>/siasn.xlsx", views.ekspor, name="ekspor"),
    path("kp/usulan/<int:pk>/", views.usulan, name="usulan"),
    path("kp/usulan/<int:pk>/berkas/<int:bid>/unggah/", views.unggah, name="unggah"),
    path("kp/usulan/<int:pk>/berkas/<int:bid>/pilih/", views.pilih, name="pilih"),
    path("kp/usulan/<int:pk>/berkas/<int:bid>/periksa/", views.periksa, name="periksa"),
    path("kp/usulan/<int:pk>/pertek/", views.pertek, name="pertek"),
    path("kp/usulan/<int:pk>/sk/", views.sk, name="sk"),
    path("kp/usulan/<int:pk>/<slug:name>/", views.langkah, name="langkah"),
]
