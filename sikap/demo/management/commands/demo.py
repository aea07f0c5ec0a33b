"""`sikap demo`: migrate if needed, then run every module's demo builder (docs/demo.md)."""

import time

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import ProtectedError

from sikap.core.commands import WritingCommand, resolve_actor
from sikap.core.errors import SikapError
from sikap.demo.builders import Options
from sikap.demo.generator import DEFAULT_SEED
from sikap.demo.loader import DEMO_PASSWORD, NotDemoData, demo_logins
from sikap.demo.registry import BUILDERS


class Command(WritingCommand):
    help = (
        "Membangun data demo sintetis yang deterministik untuk setiap modul (kabupaten dengan "
        "OPD, pegawai berriwayat lengkap dan akun; SAKIP 2023), setelah memigrasikan basis data "
        "bila perlu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"benih acak; benih yang sama menghasilkan data yang sama (bawaan {DEFAULT_SEED})",
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="skala jumlah pegawai, 0 < skala ≤ 1 (bawaan 1: 5.508 PNS dan 337 PPPK)",
        )
        self.add_user_argument(parser)
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--if-empty",
            action="store_true",
            help="bangun hanya bagian yang belum ada datanya; yang sudah ada dibiarkan, "
            "lalu tampilkan akun demo",
        )
        mode.add_argument(
            "--reset", action="store_true", help="hapus data demo yang ada lalu bangun ulang"
        )

    def handle(self, *args, seed, scale, if_empty, reset, user, **options):
        if not 0 < scale <= 1:
            raise CommandError("--scale harus lebih dari 0 dan paling besar 1.")
        self._migrate()
        started = time.monotonic()
        try:
            with transaction.atomic():
                options = Options(seed, scale, resolve_actor(user))
                self._build(options, if_empty=if_empty, reset=reset)
        except (SikapError, NotDemoData) as e:
            raise CommandError(getattr(e, "message", str(e))) from e
        except ProtectedError as e:
            raise CommandError(
                f"Data demo tidak dapat dihapus karena masih dirujuk data lain: {e.args[0]}"
            ) from e
        self.stdout.write(
            self.style.SUCCESS(f"Demo selesai dalam {time.monotonic() - started:.1f} detik.")
        )
        self._print_logins()

    def _migrate(self) -> None:
        """A database that was never migrated (or misses newer migrations) is brought up to
        date first, as `sikap migrate` would."""
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            self.stdout.write(f"Memigrasikan basis data ({len(plan)} migrasi)…")
            call_command("migrate", interactive=False, verbosity=0)

    def _build(self, options: Options, *, if_empty: bool, reset: bool) -> None:
        present = [b for b in BUILDERS if b.exists()]
        if present and not (if_empty or reset):
            raise CommandError(
                "Basis data sudah berisi data ("
                + ", ".join(b.name for b in present)
                + "). Gunakan --reset untuk menghapus data demo lalu membangunnya ulang, "
                "atau --if-empty untuk membiarkannya."
            )
        if reset:
            for builder in reversed(present):
                if builder.delete is not None:
                    builder.delete()
        for builder in BUILDERS:
            if if_empty and builder in present:
                self.stdout.write(f"{builder.name}: data sudah ada; tidak dibangun ulang.")
            else:
                self.stdout.write(builder.build(options))

    def _print_logins(self) -> None:
        logins = demo_logins()
        if not logins:
            self.stdout.write("Tidak ada akun demo di basis data ini.")
            return
        self.stdout.write(
            f"\nAkun demo — kata sandi semua akun: {DEMO_PASSWORD} (hanya untuk demo, jangan "
            "dipakai di server sungguhan):"
        )
        width = max(len(login.peran) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.peran:<{width}}  {login.username:<20}  {login.keterangan}")
