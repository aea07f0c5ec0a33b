"""Pure domain rules: civil-service regulations as plain functions.

Standard library (plus num2words) only: no Django, no clock, no I/O beyond reading a data file
handed in by the caller. Invalid input raises RuleError with an Indonesian message.
"""


class RuleError(ValueError):
    """Invalid input for a rule; `message` is shown to the user as is."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message
