"""Scheduler entry points: thin, each calls a service."""

from insurance_hall.services import case, complaint, refusal, standins


def daily() -> None:
	# stand-ins first: a sheet due today is reminded to whoever holds it today
	standins.run_daily()
	refusal.run_deadlines()
	case.run_daily()
	complaint.run_deadlines()
