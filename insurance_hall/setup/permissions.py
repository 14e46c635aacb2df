"""Who may do what on each DocType, as data (no `import frappe`).

The DocType JSON files and the REST-API permission tests are both checked against this table,
so the three can never drift apart. Letters: R read, C create, W write, D delete.
"""

HALL_ADMIN = "大厅管理员"
WINDOW_STAFF = "窗口工作人员"
SECTION_HEAD = "科室负责人"
DEPUTY = "分管领导"
MAIN_LEADER = "主要领导"
RECORDS = "综合科"
COMPLAINT_HANDLER = "投诉处理员"

HALL_ROLES: tuple[str, ...] = (
	WINDOW_STAFF,
	SECTION_HEAD,
	DEPUTY,
	MAIN_LEADER,
	RECORDS,
	COMPLAINT_HANDLER,
	HALL_ADMIN,
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
# roles whose rights on a DocType hold only for the records they created
IF_OWNER: dict[str, set[str]] = {"Refusal Sheet": {WINDOW_STAFF}}

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
