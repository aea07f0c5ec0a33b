"""`sikap dukcapil standin|cari` (docs/dukcapil.md):

sikap dukcapil standin [--port 8203] [--mode lambat --jeda 3] [--data FILE] [--daftar]
      the local stand-in registry, loaded with this database's pegawai and families
sikap dukcapil cari NIK [--json]
      one lookup through the configured registry (what the pension file does)
"""

import json
import os
import signal
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sikap.dukcapil import standin
from sikap.dukcapil.client import registry
from sikap.dukcapil.contract import RegistryError


class Command(BaseCommand):
    help = "Konektor data kependudukan: stand-in lokal dan pencarian NIK."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="perintah", required=True)
        s = sub.add_parser("standin", help="jalankan stand-in registry di 127.0.0.1")
        s.add_argument("--port", type=int, default=8203)
        s.add_argument("--mode", choices=standin.MODES, default="normal")
        s.add_argument("--jeda", type=float, default=0.0, help="detik sebelum menjawab")
        s.add_argument("--batas-per-menit", type=int, default=600)
        s.add_argument("--data", type=Path, help="berkas JSON data penduduk (bukan database)")
        s.add_argument("--simpan", type=Path, help="simpan data yang dimuat ke berkas JSON")
        s.add_argument(
            "--daftar", action="store_true", help="cetak NIP yang sengaja dibuat berbeda"
        )
        c = sub.add_parser("cari", help="cari satu NIK lewat registry yang dikonfigurasi")
        c.add_argument("nik")
        c.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        if options["perintah"] == "standin":
            self._standin(options)
        else:
            self._cari(options)

    def _standin(self, options) -> None:
        if options["data"]:
            try:
                data = standin.DataPenduduk.dari_json(json.loads(options["data"].read_text()))
            except (OSError, ValueError, KeyError, AttributeError) as e:
                raise CommandError(
                    f"Berkas data {options['data']} tidak dapat dibaca: {e}"
                ) from None
            sengaja = None
        else:
            from sikap.dukcapil.standin_data import dari_database

            data, sengaja = dari_database()
        if options["simpan"]:
            options["simpan"].write_text(json.dumps(data.as_json(), ensure_ascii=False))
        try:
            server = standin.StandinServer(
                data,
                port=options["port"],
                user=settings.SIKAP_DUKCAPIL_USER,
                password=settings.SIKAP_DUKCAPIL_PASSWORD,
                batas_per_menit=options["batas_per_menit"],
            )
        except OSError as e:
            raise CommandError(
                f"Port {options['port']} tidak dapat dipakai: {e.strerror}"
            ) from None
        server.atur_mode(standin.Mode(nama=options["mode"], jeda=options["jeda"]))
        self.stdout.write(
            f"Stand-in Dukcapil di {server.url} ({len(data.penduduk)} penduduk, "
            f"mode {options['mode']}, pid {os.getpid()}). Ctrl-C atau `kill {os.getpid()}` "
            "untuk berhenti."
        )
        if sengaja is not None and options["daftar"]:
            for nip, jenis in sorted(sengaja.per_nip.items()):
                self.stdout.write(f"  {nip}: {', '.join(jenis)}")
        self.stdout.flush()  # shown at once under `make run`, not when the buffer fills
        # `make run` stops it with SIGTERM: shut down cleanly like on Ctrl-C.
        signal.signal(signal.SIGTERM, _berhenti)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()

    def _cari(self, options) -> None:
        try:
            penduduk = registry().cari_nik(options["nik"])
        except RegistryError as e:
            raise CommandError(e.message) from None
        if options["json"]:
            self.stdout.write(json.dumps(asdict(penduduk), default=str, ensure_ascii=False))
            return
        self.stdout.write(f"{penduduk.nama} · {penduduk.jenis_kelamin} · {penduduk.tanggal_lahir}")
        self.stdout.write(f"Status kawin: {penduduk.status_kawin} · KK {penduduk.no_kk}")
        if penduduk.meninggal:
            self.stdout.write(f"Meninggal: {penduduk.tanggal_kematian}")
        for a in penduduk.anggota_kk:
            self.stdout.write(f"  {a.hubungan}: {a.nama} ({a.tanggal_lahir})")


def _berhenti(signum, frame):
    raise KeyboardInterrupt
