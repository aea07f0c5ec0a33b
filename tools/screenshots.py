"""Full-page screenshots of the main pages, on a desktop and on a phone, for looking at the UI.

    SIKAP_VAR_DIR=/tmp/ui-var .venv/bin/python tools/screenshots.py [--out screenshots]

Runs against the database of SIKAP_VAR_DIR (default `var/screenshots`): migrates it, fills it
with `sikap demo --scale 0.05` when it holds no pegawai, and gives accounts a fresh random
password for the run: `tangkapan.layar` (admin BKD, created if missing) and one demo account of
each persona (pegawai, atasan, kabid, admin OPD, verifikator, pimpinan). Never point it at a
production database. It then starts `runserver` on a free localhost port, logs in with
Playwright driving the system Chromium (never a downloaded browser), saves PNGs to --out (each
persona's home and inbox, and the SAKIP pages for those who read them) and stops the server.
"""

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STAFF = "tangkapan.layar"
PERSONA_PAGES = {"beranda": "/", "kotak-masuk": "/kotak-masuk/"}
SAKIP_PAGES = {"sakip": "/sakip/2023/", "sakip-dasbor": "/sakip/2023/dasbor/"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "screenshots")
    args = parser.parse_args()
    os.environ.setdefault("SIKAP_VAR_DIR", str(PROJECT / "var" / "screenshots"))
    os.environ["SIKAP_LOGIN_THROTTLE"] = "false"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Chromium tidak ditemukan (apt install chromium).")
    accounts, profile_nip = prepare_database()
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=PROJECT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        shoot(chromium, base, accounts, profile_nip, args.out)
    finally:
        server.terminate()
        server.wait(timeout=10)


def prepare_database() -> tuple[dict, str]:
    """Migrate, fill if empty, and (re)create the screenshot accounts; returns their passwords
    and the NIP of the profile to show (the pegawai with the most history rows)."""
    sys.path.insert(0, str(PROJECT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sikap.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count

    from sikap.accounts.models import Peran, User
    from sikap.people.models import Pegawai

    # Migrates first, then builds only the demo parts (regency, SAKIP) not there yet.
    call_command("demo", scale=0.05, if_empty=True)
    passwords = {STAFF: secrets.token_urlsafe(16)}
    staff, _ = User.objects.get_or_create(username=STAFF)
    staff.peran, staff.first_name, staff.last_name = Peran.ADMIN_BKD, "Tangkapan", "Layar"
    staff.set_password(passwords[STAFF])
    staff.save()
    # One account per persona; its password is replaced for this run. A pegawai persona
    # without a demo account gets `tangkapan.<persona>`, linked to that pegawai.
    personas = {}
    for persona, who in persona_accounts().items():
        found = who.order_by("nama" if who.model is Pegawai else "username").first()
        found = found or sys.exit(f"Tidak ada {persona} di basis data.")
        user = getattr(found, "akun", None) if isinstance(found, Pegawai) else found
        if user is None:
            User.objects.filter(username=f"tangkapan.{persona}").delete()  # an earlier run's
            user = User(username=f"tangkapan.{persona}", pegawai=found)
        user.set_password(password := secrets.token_urlsafe(16))
        user.save()
        personas[persona] = (user.username, password)
    richest = (
        Pegawai.objects.annotate(
            n=Count("riwayat_pangkat", distinct=True)
            + Count("riwayat_diklat", distinct=True)
            + Count("keluarga", distinct=True)
        )
        .order_by("-n", "nama")
        .first()
    )
    return {STAFF: passwords[STAFF], **personas}, richest.nip


def persona_accounts() -> dict:
    """persona → the pegawai (the first by name) or the accounts (by user name) that play it:
    the atasan leads a unit as an additional task (a kepala sekolah or puskesmas, present at
    every demo scale), the kabid is a unit head of eselon III."""
    from sikap.accounts.models import Peran, User
    from sikap.people.models import Pegawai

    staff = User.objects.filter(is_active=True).exclude(username=STAFF)
    people = Pegawai.objects.still_employed().select_related("akun")
    heads = people.filter(jabatan__kepala=True)
    return {
        "pegawai": people.filter(jabatan__kepala=False, akun__isnull=False, tugas_tambahan=None),
        "atasan": people.filter(tugas_tambahan__isnull=False).distinct(),
        "kabid": heads.filter(jabatan__eselon__startswith="III"),
        "admin-opd": staff.filter(peran=Peran.ADMIN_OPD),
        "verifikator": staff.filter(peran=Peran.VERIFIKATOR),
        "pimpinan": staff.filter(peran=Peran.PIMPINAN),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/masuk/", timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"Server di {base} tidak menjawab.")


def shoot(chromium: str, base: str, passwords: dict, nip: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    staff_pages = {
        "dasbor": "/",
        "daftar-pegawai": "/pegawai/",
        "daftar-pegawai-tersaring": "/pegawai/?status=pns&jenis_jabatan=jf",
        "profil": f"/pegawai/{nip}/",
        "ubah-pegawai": f"/pegawai/{nip}/ubah/",
        "tambah-riwayat-jabatan": f"/pegawai/{nip}/riwayat/jabatan/tambah/",
        "jejak": f"/pegawai/{nip}/jejak/",
        "arsip-digital": f"/pegawai/{nip}/dokumen/",
        "kelengkapan-dokumen": "/dokumen/kelengkapan/",
        "antrian-usulan": "/usulan/antrian/",
        "ip-asn": "/ip-asn/2023/",
        "sakip": "/sakip/2023/",
        "sakip-dasbor": "/sakip/2023/dasbor/",
        "sakip-periksa": "/sakip/2023/periksa/",
        "lkj": "/lkj/2023/",
        "kelola": "/kelola/",
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for name, viewport in VIEWPORTS.items():
            phone = name == "phone"
            context = browser.new_context(
                viewport=viewport, is_mobile=phone, has_touch=phone, locale="id-ID"
            )
            page = context.new_page()
            page.goto(f"{base}/masuk/")
            save(page, out / f"{name}-masuk.png")
            log_in(page, base, STAFF, passwords[STAFF])
            for slug, path in staff_pages.items():
                page.goto(base + path)
                save(page, out / f"{name}-{slug}.png")
            save_persona(page, base, out / f"{name}-admin-bkd", {**PERSONA_PAGES, **SAKIP_PAGES})
            personas = {k: v for k, v in passwords.items() if k != STAFF}
            for persona, (username, password) in personas.items():
                context.clear_cookies()
                log_in(page, base, username, password)
                pages = {**PERSONA_PAGES, **(SAKIP_PAGES if persona == "pimpinan" else {})}
                save_persona(page, base, out / f"{name}-{persona}", pages)
            context.close()
        browser.close()


def save_persona(page, base: str, prefix: Path, pages: dict) -> None:
    for slug, path in pages.items():
        page.goto(base + path)
        save(page, Path(f"{prefix}-{slug}.png"))


def log_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def save(page, path: Path) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1200)  # let Chart.js finish its animation
    page.screenshot(path=str(path), full_page=True)
    print(path)


if __name__ == "__main__":
    main()
