"""The KGB conventions from settings (`SIKAP_KGB_*`, docs/configuration.md) as the pure rule's
`Aturan`."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from sikap.rules.kgb import PREDIKAT, Aturan
from sikap.rules.salary import DiBawahLangkahPertama


def _cuts(text: str) -> dict[tuple[int, int], int]:
    cuts = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        try:
            groups, years = part.split(":")
            a, b = (int(g) for g in groups.split("-"))
            cuts[(a, b)] = int(years)
        except ValueError:
            raise ImproperlyConfigured(
                f"SIKAP_KGB_POTONGAN_KP: '{part}' tidak dapat dibaca; contoh 1-2:6,2-3:5"
            ) from None
    return cuts


def aturan() -> Aturan:
    minimum = settings.SIKAP_KGB_SKP_MINIMUM
    if minimum not in PREDIKAT:
        raise ImproperlyConfigured(f"SIKAP_KGB_SKP_MINIMUM harus salah satu dari {PREDIKAT}")
    try:
        di_bawah = DiBawahLangkahPertama(settings.SIKAP_KGB_DI_BAWAH_MKG_PERTAMA)
    except ValueError:
        raise ImproperlyConfigured(
            "SIKAP_KGB_DI_BAWAH_MKG_PERTAMA harus langkah_pertama atau tolak"
        ) from None
    return Aturan(
        predikat_minimum=minimum,
        di_bawah=di_bawah,
        potongan_kp=_cuts(settings.SIKAP_KGB_POTONGAN_KP),
    )


def window_months() -> int:
    return settings.SIKAP_KGB_WINDOW_MONTHS
