from django.contrib.auth import views as auth_views
from django.urls import path

from sikap.accounts import views
from sikap.accounts.forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/perangkat/", views.perangkat, name="perangkat"),
    path("akun/perangkat/<int:pk>/cabut/", views.perangkat_cabut, name="perangkat_cabut"),
]
