"""Scheduler entry points: thin, each calls a service."""

from insurance_hall.services import booking, refusal, standins


def daily() -> None:
	# stand-ins first: a sheet due today is reminded to whoever holds it today
	standins.run_daily()
	refusal.run_deadlines()


def hourly() -> None:
	# bookings whose slot has ended unserved become no-shows (idempotent)
	booking.mark_no_shows()
