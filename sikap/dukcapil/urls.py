from django.urls import path

from sikap.dukcapil import views

app_name = "dukcapil"

urlpatterns = [
    path("kependudukan/", views.cari, name="cari"),
    path("kependudukan/<str:nip>/", views.cek, name="cek"),
]
