"""Errors the service layer raises; user interfaces show their messages as they are."""

from __future__ import annotations


class ServiceError(Exception):
    """Base for every error a user can act on (as opposed to a bug)."""


class ValidationError(ServiceError):
    """Bad input: `errors` maps each field name to a message a person can understand."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class NotFoundError(ServiceError):
    def __init__(self, entity: str, entity_id: object):
        self.entity = entity
        self.entity_id = entity_id
        super().__init__(f"no {entity} with id {entity_id}")


class LockedError(ServiceError):
    """The record may not be changed in its current state (e.g. approved minutes)."""


class ReadOnlyError(ServiceError):
    """The database is open read-only here, so a change could not be saved."""
