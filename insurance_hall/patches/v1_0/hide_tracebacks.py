"""Sites installed before the app turned tracebacks off for the public pages: turn them off once."""

from insurance_hall.setup.install import hide_tracebacks


def execute() -> None:
	hide_tracebacks()
