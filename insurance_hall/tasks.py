"""Scheduler entry points: thin, each calls a service."""

from insurance_hall.services.refusal import run_deadlines


def daily() -> None:
	run_deadlines()
