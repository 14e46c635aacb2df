"""Heads and deputies see their own departments: sites whose departments were set up before the
User Permissions were derived from them get them now (idempotent)."""

from insurance_hall.services.scope import sync_everyone


def execute() -> None:
	sync_everyone()
