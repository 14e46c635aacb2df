"""The shared deadline clock and the leaders' department scope, each with the seed sentence behind it."""

from datetime import date
from pathlib import Path

from insurance_hall.rules.clock import clock_step
from insurance_hall.rules.scope import department_scope

DUE = date(2026, 3, 12)


def step(today, **flags):
	values = {"running": True, "done": False, "reminded": False, "escalated": False, "can_escalate": True}
	values.update(flags)
	return triple(clock_step(today, DUE, **values))


def triple(result):
	return (result.remind, result.escalate, result.overdue)


def test_the_clock_reminds_on_the_last_working_day_and_escalates_once_after_it():
	# 003 南阳: "原则上要在3个工作日内向申请人作出电话或书面回复"
	assert step(date(2026, 3, 11)) == (False, False, False)
	assert step(DUE) == (True, False, False)
	assert step(date(2026, 3, 13)) == (True, True, True)


def test_the_clock_acts_once_however_often_it_runs():
	assert step(date(2026, 3, 13), reminded=True, escalated=True) == (False, False, True)


def test_a_reminder_can_come_before_the_due_date():
	# 002 容缺受理: the clerk is reminded before the promised date
	early = clock_step(date(2026, 3, 10), DUE, True, False, False, False, True, remind_on=date(2026, 3, 10))
	assert triple(early) == (True, False, False)


def test_the_top_is_not_escalated_and_a_finished_record_is_not_overdue():
	assert step(date(2026, 3, 13), can_escalate=False) == (True, False, True)
	assert step(date(2026, 3, 13), running=False, done=True) == (False, False, False)
	assert triple(clock_step(date(2026, 3, 13), None, True, False, False, False, True)) == (
		False,
		False,
		False,
	)


def test_a_head_sees_their_department_and_a_deputy_those_in_their_charge():
	# 003 南阳: "科室（单位）负责人要综合研判……分管领导要组织审核研判"
	assert department_scope(False, ["医保科"], []) == {"医保科"}
	assert department_scope(False, [], ["医保科", "稽核科"]) == {"医保科", "稽核科"}
	assert department_scope(False, ["医保科"], ["稽核科"]) == {"医保科", "稽核科"}


def test_the_main_leader_and_those_leading_nothing_are_not_limited():
	# 003 南阳: "提请局主要领导最后审定"
	assert department_scope(True, ["医保科"], []) is None
	assert department_scope(False, [], []) is None


def test_one_inbox_one_clock_no_second_copy():
	"""Every form tells people through services/inbox.py, runs deadlines through services/clock.py and
	locks a record for an action through services/records.py."""
	root = Path(__file__).resolve().parents[1] / "insurance_hall"
	for path in root.rglob("*.py"):
		if path.name.startswith("test_") or path.parent.name == "tests":
			continue
		text = path.read_text(encoding="utf-8")
		if path.name != "inbox.py":
			assert "make_notification_logs" not in text, f"{path} notifies outside services/inbox.py"
			assert '"doctype": "ToDo"' not in text, f"{path} creates ToDos outside services/inbox.py"
		if path.name != "clock.py":
			# the demo undoes one refused demo step, it runs no clock
			assert 'savepoint("' not in text or path.name in ("standins.py", "demo.py"), (
				f"{path} runs its own clock loop"
			)
		if path.name not in ("records.py", "rating.py"):  # rating locks the rated service's row, not its own
			assert "for_update=True" not in text or path.parent.name != "services", (
				f"{path} locks a record outside services/records.py"
			)


def test_a_month_is_half_open_and_a_bad_one_is_none():
	from insurance_hall.rules.period import month_span

	assert month_span(2026, 3) == (date(2026, 3, 1), date(2026, 4, 1))
	assert month_span(2026, 12) == (date(2026, 12, 1), date(2027, 1, 1))
	assert month_span(2026, 13) is None
	assert month_span(0, 1) is None


def test_a_waiting_item_is_overdue_the_day_after_its_due_date():
	"""002 沂南: "限时办结时间以工作日计算": the to-do list reads the same due date the clock marks overdue."""
	from insurance_hall.rules.clock import DUE_TODAY, NO_DUE, OVERDUE, UPCOMING, due_state

	today = date(2026, 11, 24)
	assert due_state(date(2026, 11, 23), today) == OVERDUE
	assert due_state(today, today) == DUE_TODAY
	assert due_state(date(2026, 11, 30), today) == UPCOMING
	assert due_state(None, today) == NO_DUE
	step = clock_step(today, date(2026, 11, 23), True, False, True, True, False)
	assert step.overdue and due_state(date(2026, 11, 23), today) == OVERDUE


def test_a_rate_is_a_percent_to_one_decimal_and_nothing_counted_reads_zero():
	"""002 沂南: "实名差评回访率和整改率要达到100%": a rate of all is 100.0."""
	from insurance_hall.rules.period import share

	assert share(3, 3) == 100.0
	assert share(2, 3) == 66.7
	assert share(0, 0) == 0.0


def test_imports_run_down_services_never_import_setup():
	"""Entry points, services, rules: a service reads role names and time formats from rules/, never setup/;
	a rule imports nothing of Frappe."""
	root = Path(__file__).resolve().parents[1] / "insurance_hall"
	for path in (root / "services").glob("*.py"):
		assert "from insurance_hall.setup" not in path.read_text(encoding="utf-8"), f"{path} imports setup/"
	for path in (root / "rules").glob("*.py"):
		text = path.read_text(encoding="utf-8")
		assert "import frappe" not in text and "from frappe" not in text, f"{path} imports Frappe"
		assert "from insurance_hall.services" not in text and "from insurance_hall.setup" not in text, path


def test_one_calendar_every_due_date_is_counted_through_services_calendar():
	"""No form builds a WorkCalendar of its own: a due date of any year comes from services/calendar.py."""
	root = Path(__file__).resolve().parents[1] / "insurance_hall"
	for path in root.rglob("*.py"):
		if path.parent.name == "tests" or path.name.startswith("test_") or path.parent.name == "rules":
			continue
		if path.name != "calendar.py":
			assert " = WorkCalendar(" not in path.read_text(encoding="utf-8"), (
				f"{path} builds its own calendar"
			)


def test_every_report_refuses_without_switching_to_prepared_mode():
	"""Frappe v15 flips a script report that raises into a prepared report for everyone 15 s later: every
	report of the app runs its execute through services/reports.refusing."""
	root = Path(__file__).resolve().parents[1] / "insurance_hall" / "insurance_hall" / "report"
	for path in root.glob("*/*.py"):
		if path.name.startswith("test_") or path.name == "__init__.py":
			continue
		assert f'@refusing("{path.stem}")\ndef execute(' in path.read_text(encoding="utf-8"), path


def test_one_month_reader_takes_the_filter_as_shown_and_as_older_links_carry_it():
	"""The ledgers' month filter reads 2026年 12月 (issue: "a month filter is a date", "bare 4")."""
	from insurance_hall.rules.period import MONTHS, month_number, named_month

	assert MONTHS[0] == "1月" and MONTHS[-1] == "12月"
	assert month_number("12月") == month_number(12) == month_number("12") == 12
	assert month_number("05") == 5
	assert month_number("13月") is None and month_number("") is None and month_number("x") is None
	assert named_month(2026, "12月") == (2026, 12)
	assert named_month("2027年", "2月") == (2027, 2)
	assert named_month(None, "2026-05-15") == (2026, 5)
	assert named_month(None, "4") is None
