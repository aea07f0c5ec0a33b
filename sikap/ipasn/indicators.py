"""User-defined indicators: named counts, computed like the built-in ones, and a formula.

Counts speak of the report year itself (`CALENDAR_YEAR`: that year's SKP, punishments and
trainings), whatever windows the IP ASN configuration uses.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from sikap.core.errors import Kode, SikapError
from sikap.ipasn.counts import CountPlan
from sikap.ipasn.criteria import criterion_q
from sikap.ipasn.engine import resolve_opd, scope_for
from sikap.ipasn.models import Indicator
from sikap.people.models import Pegawai
from sikap.rules import RuleError, formula
from sikap.rules.formatting import angka
from sikap.rules.indices import CALENDAR_YEAR
from sikap.rules.rounding import bulatkan


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    year: int
    counts: dict[str, int]
    value: Decimal | None
    rounded: Decimal | None
    formula: str  # the formula with its numbers, or the reason it cannot be computed
    error: str | None = None


def compute_indicators(indicators, year: int, *, opd=None, user=None) -> list[IndicatorResult]:
    """All given indicators from one set of count queries."""
    indicators = list(indicators)
    plan = CountPlan(year, CALENDAR_YEAR)
    broken = {}
    for indicator in indicators:
        try:
            criteria = indicator.counts()
        except (RuleError, TypeError, AttributeError, RecursionError) as e:
            # Saved before a rule tightened, or edited outside the form: this row fails alone.
            broken[indicator.pk] = _broken(indicator, year, f"Hitungan tidak valid: {_why(e)}")
            continue
        for name, criterion in criteria.items():
            plan.add((indicator.pk, name), criterion)
    counts = plan.run(scope_for(resolve_opd(opd), user))[None] if indicators else {}
    return [broken.get(ind.pk) or _result(ind, year, counts) for ind in indicators]


def _why(error: Exception) -> str:
    return error.message if isinstance(error, RuleError) else "bentuknya tidak dikenal"


def _broken(indicator: Indicator, year: int, error: str) -> IndicatorResult:
    return IndicatorResult(indicator, year, {}, None, None, indicator.rumus, error)


def compute_indicator(indicator: Indicator, year: int, *, opd=None, user=None) -> IndicatorResult:
    return compute_indicators([indicator], year, opd=opd, user=user)[0]


def _result(indicator: Indicator, year: int, counts: dict) -> IndicatorResult:
    values = {name: counts[(indicator.pk, name)] for name in indicator.hitungan}
    try:
        parsed = indicator.formula()
        substituted = formula.substitute(parsed, values)
    except RuleError as e:
        return IndicatorResult(indicator, year, values, None, None, indicator.rumus, e.message)
    try:
        value = formula.evaluate(parsed, values)
        rounded = bulatkan(value, indicator.desimal)
    except RuleError as e:
        return IndicatorResult(indicator, year, values, None, None, substituted, e.message)
    text = f"{substituted} = {angka(rounded, indicator.desimal)}"
    return IndicatorResult(indicator, year, values, value, rounded, text)


def indicator_members(
    indicator: Indicator, year: int, name: str, *, opd=None, user=None
) -> QuerySet:
    """The pegawai behind one named count."""
    criteria = indicator.counts()
    if name not in criteria:
        raise SikapError(Kode.TIDAK_DITEMUKAN, f"Hitungan '{name}' tidak dikenal.")
    queryset = Pegawai.objects.visible_to(user) if user is not None else Pegawai.objects.all()
    opd = resolve_opd(opd)
    if opd is not None:
        queryset = queryset.filter(opd=opd)
    return queryset.filter(criterion_q(criteria[name], year=year, window=CALENDAR_YEAR))
