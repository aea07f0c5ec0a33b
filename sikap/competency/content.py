"""The content shipped with SIKAP (sikap/competency/data/): the PermenPANRB 38/2017
dictionary (`kamus.json`) and the demo question bank (`bank/*.txt`, a plain-text format an
author can edit: see the head of bank/integritas.txt). Reading only; the loaders that write
are `load_kamus` here and the demo builder."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from sikap.competency.bank import Isi, Opsi
from sikap.competency.models import JenisSoal, Kelompok, Kompetensi, LevelKompetensi

DATA = Path(__file__).parent / "data"


def kamus() -> dict:
    return json.loads((DATA / "kamus.json").read_text(encoding="utf-8"))


@transaction.atomic
def load_kamus() -> int:
    """Create or refresh the dictionary's competencies and level descriptions; how many
    competencies. Existing rows keep their id (standards and banks point at them)."""
    data = kamus()
    for urutan, k in enumerate(data["kompetensi"], 1):
        kompetensi, _ = Kompetensi.objects.update_or_create(
            kode=k["kode"],
            defaults={
                "nama": k["nama"],
                "kelompok": Kelompok(k["jenis"]),
                "definisi": k["definisi"],
                "urutan": urutan,
            },
        )
        for lv in k["level"]:
            LevelKompetensi.objects.update_or_create(
                kompetensi=kompetensi,
                level=lv["level"],
                defaults={"deskripsi": lv["judul"], "indikator": "\n".join(lv["indikator"])},
            )
    return len(data["kompetensi"])


@dataclass(frozen=True)
class ItemBank:
    kode: str
    kompetensi: str
    level: int
    jenis: str
    isi: Isi


class FormatError(ValueError):
    pass


def parse_bank(text: str, name: str = "bank") -> list[ItemBank]:
    """Items of one bank file. Codes are <kompetensi>-<level>-<nn> in file order."""
    kompetensi, level = "", 0
    items: list[ItemBank] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        lineno, head = block[0]
        jenis_teks, _, teks = head.partition(":")
        jenis = {"sjt": JenisSoal.SITUASIONAL, "pg": JenisSoal.PILIHAN_GANDA}.get(jenis_teks)
        if jenis is None or not kompetensi or not level:
            raise FormatError(f"{name} baris {lineno}: soal harus diawali 'sjt:' atau 'pg:'.")
        opsi = []
        for n, line in block[1:]:
            if jenis == JenisSoal.SITUASIONAL:
                skor, sep, opsi_teks = line.partition("|")
                if not sep or not skor.strip().isdigit():
                    raise FormatError(f"{name} baris {n}: opsi situasional 'skor | teks'.")
                opsi.append(Opsi(opsi_teks.strip(), skor=int(skor)))
            else:
                if line[:2] not in ("* ", "- "):
                    raise FormatError(
                        f"{name} baris {n}: opsi pilihan ganda diawali '* ' atau '- '."
                    )
                opsi.append(Opsi(line[2:].strip(), benar=line.startswith("*")))
        nomor = sum(1 for i in items if i.level == level) + 1
        items.append(
            ItemBank(f"{kompetensi}-{level}-{nomor:02d}", kompetensi, level, jenis,
                     Isi(teks.strip(), tuple(opsi)))
        )  # fmt: skip
        block.clear()

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            flush()
        elif line.startswith("kompetensi:"):
            kompetensi = line.partition(":")[2].strip()
        elif line.startswith("== level"):
            flush()
            level = int(line.removeprefix("== level").strip())
        else:
            block.append((lineno, line))
    flush()
    return items


def demo_bank() -> list[ItemBank]:
    items: list[ItemBank] = []
    for path in sorted((DATA / "bank").glob("*.txt")):
        items += parse_bank(path.read_text(encoding="utf-8"), path.name)
    return items
