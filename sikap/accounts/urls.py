from django.contrib.auth import views as auth_views
from django.urls import path

from sikap.accounts import views

app_name = "accounts"

urlpatterns = [
    path("masuk/", views.MasukView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/kata-sandi/", views.kata_sandi, name="kata_sandi"),
    path("akun/kode-masuk/", views.kode_masuk, name="kode_masuk"),
    path("akun/lupa-sandi/", views.LupaSandiView.as_view(), name="lupa_sandi"),
    path(
        "akun/lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/lupa_sandi_terkirim.html"),
        name="lupa_sandi_terkirim",
    ),
    path(
        "akun/atur-ulang/<uidb64>/<token>/",
        views.AturUlangView.as_view(),
        name="atur_ulang",
    ),
    path(
        "akun/atur-ulang/selesai/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/atur_ulang_selesai.html"
        ),
        name="atur_ulang_selesai",
    ),
    path("akun/dua-langkah/", views.dua_langkah, name="dua_langkah"),
    path(
        "akun/dua-langkah/verifikasi/",
        views.dua_langkah_verifikasi,
        name="dua_langkah_verifikasi",
    ),
    path("akun/perangkat/", views.perangkat, name="perangkat"),
    path("akun/perangkat/<int:pk>/cabut/", views.perangkat_cabut, name="perangkat_cabut"),
]
