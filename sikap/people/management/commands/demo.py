"""`sikap demo`: build the synthetic demo regency (docs/demo.md)."""

import time

from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import ProtectedError

from sikap.accounts.system import system_actor
from sikap.core.commands import WritingCommand
from sikap.people.demo.generator import DEFAULT_SEED, build_demo
from sikap.people.demo.loader import (
    DEMO_PASSWORD,
    NotDemoData,
    delete_demo,
    demo_logins,
    has_data,
    load,
    taken_usernames,
)


class Command(WritingCommand):
    help = (
        "Membangun kabupaten demo sintetis yang deterministik (OPD, pegawai dengan riwayat "
        "lengkap, akun) dengan sebaran data Lumajang 2023."
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
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="jika basis data sudah berisi data, jangan membangun ulang; "
            "cukup tampilkan akun demo",
        )
        parser.add_argument(
            "--reset", action="store_true", help="hapus data demo yang ada lalu bangun ulang"
        )

    def handle(self, *args, seed, scale, if_empty, reset, **options):
        if not 0 < scale <= 1:
            raise CommandError("--scale harus lebih dari 0 dan paling besar 1.")
        started = time.monotonic()
        with transaction.atomic():
            if has_data():
                if if_empty:
                    self.stdout.write("Basis data sudah berisi data; demo tidak dibangun ulang.")
                    self._print_logins()
                    return
                if not reset:
                    raise CommandError(
                        "Basis data sudah berisi data. Gunakan --reset untuk menghapus data "
                        "demo lalu membangunnya ulang, atau --if-empty untuk membiarkannya."
                    )
                try:
                    delete_demo()
                except NotDemoData as e:
                    raise CommandError(str(e)) from e
                except ProtectedError as e:
                    raise CommandError(
                        f"Data demo tidak dapat dihapus karena masih dirujuk data lain: {e.args[0]}"
                    ) from e
            data = build_demo(seed, scale)
            taken = taken_usernames(data)
            if taken:
                raise CommandError(
                    f"Nama pengguna yang dipakai demo sudah ada: {', '.join(taken[:5])}. "
                    "Hapus akun tersebut atau gunakan basis data kosong."
                )
            rows = load(data, actor=system_actor())
        pns = sum(p.fields["status"] != "pppk" for p in data.people)
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo dibangun dalam {elapsed:.1f} detik (benih {seed}, skala {scale:g}): "
                f"{len(data.opds)} OPD, {pns} PNS, {len(data.people) - pns} PPPK, {rows} baris."
            )
        )
        self._print_logins()

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
