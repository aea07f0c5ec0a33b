"""The one way a service's refusal (`SikapError`) reaches a form."""

from sikap.core.errors import SikapError


def show_error(error: SikapError, *forms) -> None:
    """Put the error on the page's forms: each field it names on the form that has that field
    (else as a non-field error of the first form); a message without fields as a non-field
    error of the first form."""
    forms = [f for f in forms if f is not None]
    for field, messages in error.errors.items():
        owner = next((f for f in forms if field in f.fields), forms[0])
        owner.add_error(field if field in owner.fields else None, messages)
    if not error.errors:
        forms[0].add_error(None, error.message)
