"""Heads and deputies see their own departments' cases (办件): their User Permissions on the new
departmental form are derived now (idempotent)."""

from insurance_hall.services.scope import sync_everyone


def execute() -> None:
	sync_everyone()
