from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from sikap.core.admin_site import site as kelola_site

urlpatterns = [
    path("", include("sikap.accounts.urls")),
    path("", include("sikap.people.urls")),
    path("", include("sikap.documents.urls")),
    path("", include("sikap.selfservice.urls")),
    path("ip-asn/", include("sikap.ipasn.urls")),
    path("", include("sikap.performance.urls")),
    path("", include("sikap.lkj.urls")),
    path("kelola/", kelola_site.urls),
    path("api/", include("sikap.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", RedirectView.as_view(url=static("sikap/favicon.svg"), permanent=True)),
]
