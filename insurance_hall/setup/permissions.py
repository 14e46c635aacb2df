"""Who may do what on each DocType, as data (no `import frappe`).

The DocType JSON files and the REST-API permission tests are both checked against this table,
so the three can never drift apart. Letters: R read, C create, W write, D delete.
"""

from insurance_hall.rules.roles import (
	COMPLAINT_HANDLER,
	DEPUTY,
	HALL_ADMIN,
	HALL_ROLES,
	MAIN_LEADER,
	RECORDS,
	SECTION_HEAD,
	WINDOW_STAFF,
)

_READERS = {role: "R" for role in HALL_ROLES if role != HALL_ADMIN}
_CONFIG = {**_READERS, HALL_ADMIN: "RCWD", "System Manager": "RCWD"}

PERMISSIONS: dict[str, dict[str, str]] = {
	"Hall Settings": {**_READERS, HALL_ADMIN: "RW", "System Manager": "RW"},
	"Refusal Chain": _CONFIG,
	"Hall Department": _CONFIG,
	"Service Window": _CONFIG,
	"Service Matter": _CONFIG,
	"Work Calendar": _CONFIG,
	# the records office (综合科) registers leave and names the stand-in
	"Substitute Assignment": {**_CONFIG, RECORDS: "RCW"},
}

# The refusal sheet (说“不”事项审批表): a clerk files and sees their own sheets; leaders and the
# records office read all of them. Nobody writes a sheet under approval: every approval step is an
# action of the sheet's service, checked there and recorded in the trail.
PERMISSIONS["Refusal Sheet"] = {
	WINDOW_STAFF: "RCWD",
	SECTION_HEAD: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	RECORDS: "R",
	HALL_ADMIN: "R",
	"System Manager": "R",
}
# The case (办件): the clerk who first answers (首问负责人) creates it and keeps seeing it to the end,
# also after referring it; the person it is referred to gets it shared (services.case). Leaders, the
# records office and the complaint handler read. State, time limit, referral and extension change
# only through the case's actions (services.case), checked there and recorded in the trail.
PERMISSIONS["Hall Case"] = {
	WINDOW_STAFF: "RCW",
	SECTION_HEAD: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	RECORDS: "R",
	COMPLAINT_HANDLER: "R",
	HALL_ADMIN: "R",
	"System Manager": "R",
}
# roles whose rights on a DocType hold only for the records they created
IF_OWNER: dict[str, set[str]] = {"Refusal Sheet": {WINDOW_STAFF}, "Hall Case": {WINDOW_STAFF}}

# The delay-service log (延时服务登记表): the window's clerk records and confirms their own; 综合科 files
# (submits) it; a filed record is kept as it is (nobody cancels, amends or deletes it). Return visits are
# 综合科's.
PERMISSIONS["Delay Service Record"] = {
	WINDOW_STAFF: "RCWD",
	RECORDS: "R",
	SECTION_HEAD: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	HALL_ADMIN: "R",
	"System Manager": "R",
}
IF_OWNER["Delay Service Record"] = {WINDOW_STAFF}
PERMISSIONS["Delay Service Visit"] = {
	RECORDS: "RCW",
	SECTION_HEAD: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	HALL_ADMIN: "R",
	"System Manager": "R",
}

# The "吐槽找茬" complaint register (受理登记 附件1, with its 总结分析表 附件3): the complaint window
# registers; the records office (综合科) and the leaders read. Nobody else has any right on it (window
# staff, section heads, the hall admin), so the staff member complained about can neither list, read,
# export nor see its history, and cannot probe it with filters either (Frappe checks permlevels on the
# fields a query returns, not on its filters). Who complained (name, contact) is also at permlevel 1, read
# only by COMPLAINT_PRIVATE, so a role later given level-0 read by Customize Form still does not see them.
PERMISSIONS["Complaint Channel"] = _CONFIG
PERMISSIONS["Hall Complaint"] = {COMPLAINT_HANDLER: "RCW", RECORDS: "R", DEPUTY: "R", MAIN_LEADER: "R"}
# The 承办单 (附件2): issued by the complaint window to a department and a named receiver, who acts on it
# only through the complaint service; section heads read their own departments' (User Permission). It
# carries the problem, never who complained: the printed 附件2 takes them from the register, for those
# who may read it.
PERMISSIONS["Complaint Referral"] = {
	COMPLAINT_HANDLER: "R",
	SECTION_HEAD: "R",
	RECORDS: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	HALL_ADMIN: "R",
	"System Manager": "R",
}
# who may read the complainant's identity (permlevel 1), and who may write it
COMPLAINT_PRIVATE: dict[str, str] = {COMPLAINT_HANDLER: "RW", RECORDS: "R", DEPUTY: "R", MAIN_LEADER: "R"}

# The rating (好差评): a citizen rates through the public page (a guest method, no DocPerm); the window's
# staff record a rating taken on the device or by phone and see only what they recorded, never a rating
# about themselves; leaders and 综合科 read. Nobody edits or deletes a rating: the check, the fix and the
# return visit are actions of services.rating, checked there.
PERMISSIONS["Hall Rating"] = {
	WINDOW_STAFF: "RC",
	SECTION_HEAD: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	RECORDS: "R",
	HALL_ADMIN: "R",
	"System Manager": "R",
}
IF_OWNER["Hall Rating"] = {WINDOW_STAFF}

# The appointment (预约服务申请表): any window's clerk takes a desk or phone booking and serves it (a
# booking from the public page belongs to no clerk); leaders and 综合科 read; nobody deletes one (a
# booking not wanted is cancelled, and the ledger counts it). A bar after the no-show limit is lifted by
# the hall admin, with a reason.
PERMISSIONS["Hall Booking"] = {
	WINDOW_STAFF: "RCW",
	RECORDS: "R",
	SECTION_HEAD: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	HALL_ADMIN: "R",
	"System Manager": "R",
}
PERMISSIONS["Booking Bar"] = {
	HALL_ADMIN: "RW",
	WINDOW_STAFF: "R",
	RECORDS: "R",
	SECTION_HEAD: "R",
	DEPUTY: "R",
	MAIN_LEADER: "R",
	"System Manager": "R",
}

# 月度考评 (002 考评标准): evaluators (heads, deputies, the main leader, 局办公室 = 综合科, the admin) enter
# and correct the month's entries while it is open; a worker reads the entries about themselves only
# (services/score_month.entry_query). The month's record moves by its actions; nobody deletes one.
_EVALUATORS = (SECTION_HEAD, DEPUTY, MAIN_LEADER, RECORDS, HALL_ADMIN)
PERMISSIONS["Hall Score Entry"] = {
	**dict.fromkeys(_EVALUATORS, "RCWD"),
	WINDOW_STAFF: "R",
	"System Manager": "R",
}
PERMISSIONS["Hall Score Month"] = {**dict.fromkeys(_EVALUATORS, "RCW"), "System Manager": "R"}

# 意见建议 (002 服务改进): any hall worker files a citizen's or their own suggestion and corrects it until it is
# answered; a leader answers it by the action 答复 (services/suggestion.py); nobody deletes one.
PERMISSIONS["Hall Suggestion"] = {**dict.fromkeys(HALL_ROLES, "RCW"), "System Manager": "R"}

# 应急处理 (001 §十, "分管负责，科室为主"): the department heads, the leaders and 综合科 register an incident and
# record its reports, the arrival on the scene and its end, each by an action of services/incident.py; a window
# clerk reads the register (they tell their head by phone; the register is not theirs); nobody deletes one.
PERMISSIONS["Hall Incident"] = {
	**dict.fromkeys((SECTION_HEAD, DEPUTY, MAIN_LEADER, RECORDS, HALL_ADMIN), "RCW"),
	WINDOW_STAFF: "R",
	COMPLAINT_HANDLER: "R",
	"System Manager": "R",
}

# 问题排查整改台账 (002): 综合科, the heads and the leaders put a problem on the register; its owner (any hall
# worker) completes it and somebody else verifies it, by the actions of services/rectification.py; nobody
# deletes a line (销号 closes it). A window clerk has no role right on it: a line taken from a complaint's
# 总结分析 may name the staff complained about, who never reads the complaint; the owner of a line is given it
# by the inbox (shared with them while it is theirs).
PERMISSIONS["Hall Rectification"] = {
	**dict.fromkeys((SECTION_HEAD, DEPUTY, MAIN_LEADER, RECORDS, HALL_ADMIN), "RCW"),
	COMPLAINT_HANDLER: "R",
	"System Manager": "R",
}

# 排队叫号 (002 "排号机", "叫号系统"): a ticket is made by taking a number (the kiosk or phone page, a guest
# method) or by a booking's check-in, and changes only by the window's actions (services/queue.py: call,
# recall, no-show, hold, transfer, finish), checked there; every hall role reads the day's line, nobody
# writes or deletes a ticket.
PERMISSIONS["Hall Queue Ticket"] = {**dict.fromkeys(HALL_ROLES, "R"), "System Manager": "R"}
