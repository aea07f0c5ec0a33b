"""Numbers from a request (ids, versions, years): ASCII digits within what the database stores.

`str.isdigit` accepts "²" and "٣" (which `int` then refuses or reads) and any length, so an id
typed or posted by hand would reach the database as an overflow — a 500 instead of "not found".
"""

BIGINT_MAX = 2**63 - 1  # BigAutoField ids (settings.DEFAULT_AUTO_FIELD)
INT_MAX = 2**31 - 1  # IntegerField: versions, years


def parse_number(value, maximum: int = BIGINT_MAX) -> int | None:
    """The number `value` spells, or None when it is not one the database could hold."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if number <= maximum else None
