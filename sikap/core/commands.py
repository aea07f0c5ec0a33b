"""The base of management commands that write: they act as `--user NAME` when given, otherwise
as the system actor, and their audit rows say they came from a command."""

from django.core.management.base import BaseCommand, CommandError

from sikap.core import audit

USER_HELP = (
    "nama pengguna yang tercatat sebagai pelaku dan yang hak aksesnya berlaku "
    "(tanpa ini: akun sistem)"
)


def resolve_actor(username: str | None):
    from sikap.accounts.models import User
    from sikap.accounts.system import system_actor

    if not username:
        return system_actor()
    actor = User.objects.filter(username=username, is_active=True).first()
    if actor is None:
        raise CommandError(f"Pengguna '{username}' tidak ditemukan atau tidak aktif.")
    return actor


class WritingCommand(BaseCommand):
    def add_user_argument(self, parser) -> None:
        parser.add_argument("--user", help=USER_HELP)

    def execute(self, *args, **options):
        with audit.source(audit.Sumber.COMMAND):
            return super().execute(*args, **options)
