"""The system actor: the named account that jobs, and commands run without `--user`, act as.

It cannot log in: its password is unusable and the authentication backend refuses it even if a
password were set. Permission checks name it explicitly where it may act (imports, the demo,
publishing from the command line, jobs); everywhere else it has the rights of no role.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import make_password

from sikap.accounts.models import SYSTEM_USERNAME, User

SYSTEM_NAME = ("Sistem", "SIKAP")


def system_actor() -> User:
    """Created by a migration; recreated here if a test flushed the table."""
    user, _ = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={
            "first_name": SYSTEM_NAME[0],
            "last_name": SYSTEM_NAME[1],
            "password": make_password(None),
        },
    )
    return user


class Backend(ModelBackend):
    """Django's model backend, except that the system actor never authenticates."""

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and not user.is_system
