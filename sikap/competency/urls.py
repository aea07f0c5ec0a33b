from django.urls import path

from sikap.competency import views

app_name = "competency"

urlpatterns = [
    path("", views.ujian_saya, name="ujian_saya"),
    path("ujian/<int:ujian_id>/mulai/", views.mulai, name="mulai"),
    path("percobaan/<int:pk>/", views.kerjakan, name="kerjakan"),
    path("percobaan/<int:pk>/serahkan/", views.serahkan, name="serahkan"),
    path("percobaan/<int:pk>/selesai/", views.selesai, name="selesai"),
    path("percobaan/<int:pk>/gambar/<int:urutan>/", views.gambar, name="gambar"),
]
