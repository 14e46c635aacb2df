"""Scheduler entry points: thin, each calls a service."""

from insurance_hall.services import booking, case, complaint, deadlines, rating, refusal, standins


def daily() -> None:
	# stand-ins first: a sheet due today is reminded to whoever holds it today
	standins.run_daily()
	# a year that became official (a newer calendar) recounts the deadlines counted on it, once
	deadlines.recount_provisional()
	refusal.run_deadlines()
	case.run_daily()
	complaint.run_deadlines()
	# the citizen is reminded the day before their booking
	booking.remind_tomorrow()


def hourly() -> None:
	# a bad rating is checked within hours (004 开原: 24 小时): its clock is read every hour
	rating.run_clocks()
	# bookings whose slot has ended unserved become no-shows (idempotent)
	booking.mark_no_shows()
