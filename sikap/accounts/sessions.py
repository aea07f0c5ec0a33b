"""The session engine: Django's database sessions whose lifetime depends on the role. Admin
roles (accounts and master data) get SIKAP_SESSION_ADMIN_HOURS, everyone else
SIKAP_SESSION_HOURS, counted from the log-in, whether or not the cookie ends with the browser."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.dispatch import receiver

from sikap.accounts import access

_AGE_KEY = "_sikap_session_age"


class SessionStore(DbSessionStore):
    def get_session_cookie_age(self):
        return self.get(_AGE_KEY) or settings.SESSION_COOKIE_AGE


@receiver(user_logged_in, dispatch_uid="sikap.session_age")
def _set_age(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if access.is_admin_role(user):
        request.session[_AGE_KEY] = settings.SIKAP_SESSION_ADMIN_AGE
