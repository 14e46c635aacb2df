"""The hall's queue (排队叫号, rules/queue.py), each rule with the seed sentence behind it (002 沂南, 004 开原)."""

from datetime import date, datetime, timedelta

import pytest
from conftest import SEEDS

from insurance_hall.rules import queue as q

TODAY = date(2026, 12, 29)
NINE = datetime(2026, 12, 29, 9, 0)


def seed(number: str) -> str:
	return next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


def quoted(sentence: str, number: str = "002") -> str:
	assert sentence in seed(number), sentence
	return sentence


def ticket(name: str, minutes: int, **values) -> dict:
	return {
		"name": name,
		"status": q.WAITING,
		"issued_at": NINE + timedelta(minutes=minutes),
		"seq": minutes,
		"service_matter": "参保登记",
		**values,
	}


def test_numbers_restart_each_day_and_per_prefix():
	quoted("排号机")
	today_a = q.series_key("A", TODAY)
	assert q.series_key("A", TODAY + timedelta(days=1)) != today_a
	assert q.series_key("B", TODAY) != today_a
	assert q.series_key("A", TODAY) == today_a
	assert q.ticket_number("A", 12) == "A012"
	assert q.ticket_number("YB", 7) == "YB007"
	# one record per number and day: the same number the next day is another record
	assert q.ticket_name(TODAY, "A012") != q.ticket_name(TODAY + timedelta(days=1), "A012")


def test_the_queue_prefix_comes_from_the_matter_then_the_window():
	assert q.queue_prefix("YB", "C", "3") == "YB"
	assert q.queue_prefix("", "C", "3") == "C"
	assert q.queue_prefix(None, None, "3") == "C"
	assert q.queue_prefix(None, None, "12") == "M"  # I and O are skipped: they read as 1 and 0
	assert q.default_prefix("综合窗口") == "A"
	assert q.prefix_error("a1") == "排队号前缀“a1”无效：应为一至两个大写英文字母，如 A、B、YB"
	assert q.prefix_error("AB") is None


def test_the_screen_speaks_the_number_and_the_window():
	quoted("配备具有显示办理顺序功能的叫号系统")
	assert q.spoken("A012", "3") == "请 A012 号到 3 号窗口办理"


def test_the_line_is_called_in_order_of_arrival():
	quoted("对不起,人很多,请按次序排队等一会", "004")
	tickets = [ticket("b", 5), ticket("a", 1), ticket("c", 9)]
	assert [t["name"] for t in q.line(tickets, NINE + timedelta(minutes=30))] == ["a", "b", "c"]


def test_the_green_channel_goes_before_arrival():
	quoted("开辟绿色通道")
	tickets = [ticket("a", 1), ticket("old", 8, priority_group="老年人")]
	assert [t["name"] for t in q.line(tickets, NINE + timedelta(minutes=30))] == ["old", "a"]
	assert q.priority_error("熟人", ["老年人", "残疾人", "军人"]) == (
		"“熟人”不是本大厅的绿色通道对象（老年人、残疾人、军人）"
	)
	assert q.priority_error("军人", q.priority_groups("老年人，残疾人、军人")) is None


def test_a_checked_in_booking_goes_first_within_its_slot():
	quoted("同意预约服务的，应当向申请人约定服务时间")
	slot = {"slot_start": NINE + timedelta(minutes=30), "slot_end": NINE + timedelta(minutes=60)}
	booked = ticket("booked", 20, **slot)
	tickets = [ticket("a", 1), ticket("old", 2, priority_group="老年人"), booked]
	# before its slot begins, the booking waits like anyone else
	assert [t["name"] for t in q.line(tickets, NINE + timedelta(minutes=25))] == ["old", "a", "booked"]
	# from its start, it heads the line
	assert [t["name"] for t in q.line(tickets, NINE + timedelta(minutes=31))] == ["booked", "old", "a"]
	# checked in after its slot ended: an ordinary arrival
	late = ticket("late", 70, **slot)
	assert [t["name"] for t in q.line([ticket("a", 1), late], NINE + timedelta(minutes=80))] == ["a", "late"]


def test_a_transferred_ticket_heads_the_target_window_line():
	moved = ticket("moved", 30, status=q.TRANSFERRED, window="5", transferred_at=NINE + timedelta(minutes=40))
	tickets = [ticket("a", 1, priority_group="残疾人"), moved]
	assert q.next_ticket(tickets, "5", ["参保登记"], NINE + timedelta(minutes=41))["name"] == "moved"
	# it waits for that window alone
	assert q.next_ticket(tickets, "4", ["参保登记"], NINE + timedelta(minutes=41))["name"] == "a"


def test_a_window_calls_only_the_matters_it_serves():
	tickets = [ticket("other", 1, service_matter="异地备案"), ticket("mine", 2)]
	assert q.next_ticket(tickets, "1", ["参保登记"], NINE + timedelta(minutes=5))["name"] == "mine"
	assert q.next_ticket(tickets, "1", ["生育报销"], NINE + timedelta(minutes=5)) is None
	called = ticket("called", 0, status=q.CALLED)
	assert q.next_ticket([called], "1", ["参保登记"], NINE) is None
	assert q.ahead([ticket("x", 1), ticket("y", 2), ticket("z", 3)], "z", NINE + timedelta(minutes=5)) == 2


def test_a_window_serves_its_own_matters_and_its_department_s_unplaced_ones():
	assert q.serves("1", "居民科", "1", "居民科")
	assert not q.serves("2", "居民科", "1", "居民科")
	assert q.serves("2", "居民科", None, "居民科")
	assert not q.serves("2", None, None, None)


def test_only_the_window_s_person_on_duty_calls():
	quoted("必须安排工作人员在约定时间内在岗服务")
	assert q.call_error("a@x", "a@x", "3") is None
	assert (
		q.call_error("c@x", "a@x", "3", "张三")
		== "您不是 3 号窗口今日的在岗人员（在岗：张三），不能在该窗口叫号"
	)
	assert "没有在岗人员" in q.call_error("a@x", None, "3")
	assert q.busy_error("A012", "3") == "3 号窗口的 A012 号尚未办结：请先办结、过号、暂挂或转移，再叫下一位"


@pytest.mark.parametrize(
	("action", "status", "allowed"),
	[
		(q.CALL, q.WAITING, True),
		(q.CALL, q.TRANSFERRED, True),
		(q.CALL, q.CALLED, False),
		(q.RECALL, q.CALLED, True),
		(q.RECALL, q.HELD, True),
		(q.RECALL, q.NO_SHOW, True),
		(q.RECALL, q.DONE, False),
		(q.START, q.CALLED, True),
		(q.MISS, q.CALLED, True),
		(q.MISS, q.SERVING, False),
		(q.HOLD, q.SERVING, True),
		(q.HOLD, q.WAITING, False),
		(q.TRANSFER, q.HELD, True),
		(q.TRANSFER, q.WAITING, False),
		(q.FINISH, q.SERVING, True),
		(q.FINISH, q.CALLED, True),
		(q.FINISH, q.DONE, False),
		(q.FINISH, q.NO_SHOW, False),
	],
)
def test_each_action_acts_on_the_states_it_names(action, status, allowed):
	error = q.action_error(action, status, "A012")
	assert (error is None) == allowed
	if not allowed:
		assert error == f"A012 号当前为“{status}”，不能{action}"


def test_what_each_action_leaves():
	assert q.after(q.CALL) == q.CALLED
	assert q.after(q.RECALL) == q.CALLED
	assert q.after(q.MISS) == q.NO_SHOW
	assert q.after(q.HOLD) == q.HELD
	assert q.after(q.TRANSFER) == q.TRANSFERRED
	assert q.after(q.FINISH) == q.DONE
	assert set(q.STATUSES) >= {q.after(action) for action in q.TRANSITIONS}


def test_another_window_does_not_act_on_a_called_ticket():
	assert q.holder_error("3", "3", "A012") is None
	assert q.holder_error("3", "4", "A012") == "A012 号由 3 号窗口办理，本窗口（4 号）不能操作"


def test_a_transfer_goes_to_an_open_window_serving_the_matter():
	assert q.transfer_error("3", "5", True, True, "参保登记") is None
	assert q.transfer_error("3", "5", False, True, "参保登记") == "5 号窗口不办理“参保登记”，不能转往该窗口"
	assert q.transfer_error("3", "3", True, True, "参保登记") == "不能转移到本窗口"
	assert q.transfer_error("3", "5", True, False, "参保登记") == "5 号窗口未在用，不能转往该窗口"
	assert q.transfer_error("3", None, True, True, "参保登记") == "请选择转往的窗口"


def test_a_ticket_from_yesterday_is_refused():
	assert q.day_error(TODAY, TODAY, "A012") is None
	assert q.day_error(TODAY - timedelta(days=1), TODAY, "A012") == (
		"A012 号是 2026-12-28 取的号，排号当日有效，已过期：请重新取号"
	)


def test_waits_and_their_p90():
	assert q.minutes_between(NINE, NINE + timedelta(minutes=12, seconds=30)) == 12.5
	assert q.minutes_between(NINE, None) is None
	assert q.p90([]) is None
	assert q.p90(range(1, 11)) == 9
	assert q.p90([5]) == 5
