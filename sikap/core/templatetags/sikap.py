"""Template filters for the Indonesian display forms of `sikap.rules` (`{% load sikap %}`).

Empty values render as an em dash so that tables and the DRH never show "None"; a value the rule
cannot format (an old, malformed NIP from an import) is shown as stored rather than crashing the
page that lists it.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone

from sikap.rules import RuleError, formatting
from sikap.rules.nip import format_nip
from sikap.rules.ranks import golongan_label
from sikap.rules.ranks import pangkat as pangkat_of

register = template.Library()

KOSONG = "—"


def _empty(value) -> bool:
    return value is None or value == ""


@register.filter
def tanggal(value):
    """date → '10 Juli 1966'; a datetime is shown in local time: '10 Juli 2024 14.05'."""
    if _empty(value):
        return KOSONG
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{formatting.tanggal(local.date())} {local:%H.%M}"
    if isinstance(value, date):
        return formatting.tanggal(value)
    return value


@register.filter
def rupiah(value, sen=True):
    """'Rp7.182.204.967,00'; `|rupiah:False` drops the cents."""
    if _empty(value):
        return KOSONG
    return formatting.rupiah(value, sen=bool(sen))


@register.filter
def angka(value, desimal=2):
    """'5.508' for whole numbers, '12,38' otherwise."""
    if _empty(value):
        return KOSONG
    return formatting.angka(value, int(desimal))


@register.filter
def nip(value):
    """'19660710 199203 1 007'."""
    if _empty(value):
        return KOSONG
    try:
        return format_nip(str(value))
    except RuleError:
        return value


@register.filter
def golongan(value):
    """'III/a' as is, 'IX' as 'PPPK IX': one vocabulary for grades on every page."""
    return golongan_label(value) if value else ""


@register.filter
def pangkat(golongan):
    """'III/a' → 'Penata Muda'; empty for a PPPK golongan, which has no pangkat name."""
    try:
        return pangkat_of(golongan)
    except RuleError:
        return ""
