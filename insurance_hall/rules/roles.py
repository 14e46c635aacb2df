"""The hall's roles, by name: the one place every floor reads them from (rules, services, setup)."""

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
