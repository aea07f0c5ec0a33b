from django.urls import path

from sikap.attendance import views

app_name = "attendance"

urlpatterns = [
    path("", views.presensi, name="presensi"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("pantau/", views.pantau, name="pantau"),
    path("swafoto/<int:pk>/", views.swafoto, name="swafoto"),
    path("rekap/", views.rekap, name="rekap"),
    path("kecurangan/", views.kecurangan_view, name="kecurangan"),
    path("aktivitas/", views.aktivitas, name="aktivitas"),
    path("aktivitas/persetujuan/", views.aktivitas_persetujuan, name="aktivitas_persetujuan"),
    path("aktivitas/<int:pk>/bukti/", views.aktivitas_bukti, name="aktivitas_bukti"),
    path("cuti/", views.cuti_list, name="cuti_list"),
    path("cuti/<int:pk>/", views.cuti_detail, name="cuti_detail"),
    path("cuti/<int:pk>/langkah/", views.cuti_langkah, name="cuti_langkah"),
    path("lokasi/", views.lokasi_list, name="lokasi_list"),
    path("lokasi/<int:pk>/", views.lokasi_detail, name="lokasi_detail"),
    path("lokasi/<int:pk>/langkah/", views.lokasi_langkah, name="lokasi_langkah"),
    path("jadwal-shift/impor/", views.jadwal_shift_impor, name="jadwal_shift_impor"),
    path("jadwal-shift/templat/", views.jadwal_shift_templat, name="jadwal_shift_templat"),
    path("disiplin/", views.disiplin_list, name="disiplin_list"),
    path("disiplin/hitung/", views.disiplin_hitung, name="disiplin_hitung"),
    path("disiplin/<int:pk>/", views.disiplin_detail, name="disiplin_detail"),
    path("disiplin/<int:pk>/langkah/", views.disiplin_langkah, name="disiplin_langkah"),
]
