from django.urls import include, path

from sikap.core.admin_site import site as kelola_site

urlpatterns = [
    path("", include("sikap.accounts.urls")),
    path("", include("sikap.people.urls")),
    path("kelola/", kelola_site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
