from django.contrib.auth.decorators import login_not_required
from django.urls import path

from sikap.api.v1 import api

# The API authenticates each request itself (token or session) and answers 401 in JSON, so
# Django's LoginRequiredMiddleware must never redirect an API call to the log-in page.
v1_urls = api.urls
for pattern in v1_urls[0]:
    login_not_required(pattern.callback)

urlpatterns = [path("v1/", v1_urls)]
