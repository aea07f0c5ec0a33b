from django.urls import path

from sikap.attendance import views

app_name = "attendance"

urlpatterns = [
    path("", views.presensi, name="presensi"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("pantau/", views.pantau, name="pantau"),
    path("rekap/", views.rekap, name="rekap"),
    path("aktivitas/", views.aktivitas, name="aktivitas"),
    path("aktivitas/persetujuan/", views.aktivitas_persetujuan, name="aktivitas_persetujuan"),
    path("cuti/", views.cuti_list, name="cuti_list"),
    path("cuti/<int:pk>/", views.cuti_detail, name="cuti_detail"),
    path("cuti/<int:pk>/langkah/", views.cuti_langkah, name="cuti_langkah"),
]
