"""The home page is built from cards that the modules contribute.

A module adds a `cards.py` with functions decorated `@home.card`; each gets the user and today's
date and returns the cards that user should see (none is fine). Cards are ordered by `order`:
below 100 is work to do, 100 and above is a summary. A provider must answer with a fixed number
of queries, whatever the size of the population: the home page is the most visited page.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.module_loading import autodiscover_modules

TODO = 0
SUMMARY = 100


@dataclass(frozen=True)
class Card:
    key: str  # stable and unique, "<module>.<what>", e.g. "documents.kelengkapan"
    title: str
    template: str  # renders the card from `context`; shows its empty state when `empty`
    order: int = TODO
    context: dict[str, Any] = field(default_factory=dict)
    empty: bool = False  # nothing to do: the card says that all is done


Provider = Callable[[Any, date], Iterable[Card]]
_providers: list[Provider] = []


def card(provider: Provider) -> Provider:
    _providers.append(provider)
    return provider


def discover() -> None:
    autodiscover_modules("cards")


def cards_for(user, today: date) -> list[Card]:
    cards = [c for provider in _providers for c in provider(user, today)]
    return sorted(cards, key=lambda c: (c.order, c.key))
