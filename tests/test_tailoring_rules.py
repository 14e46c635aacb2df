"""The hall admin tailors the hall's forms and nothing else on a shared site.

Brief: "their differences (who approves, how many levels, which deadline, which fields, which weights) are
configuration, applied from a county profile and tailored by the hall admin in the Desk, never code."
"""

from insurance_hall.rules.roles import HALL_ADMIN
from insurance_hall.rules.tailoring import GRANTS, TAILORING, tailoring_error

HALL = {"Hall Case", "Hall Complaint", "Refusal Sheet"}


def test_the_hall_admin_tailors_the_halls_forms():
	assert tailoring_error(["Hall Case"], HALL, [HALL_ADMIN], HALL_ADMIN) is None
	assert tailoring_error(["Hall Case", None], HALL, [HALL_ADMIN], HALL_ADMIN) is None


def test_another_apps_form_is_refused_and_named_even_when_moved_from_a_hall_form():
	error = tailoring_error(["User"], HALL, [HALL_ADMIN], HALL_ADMIN)
	assert error.startswith("大厅管理员只能定制本系统的表单") and "“User”" in error
	# a print format moved from the case to the user form: the target counts too
	assert "“User”" in tailoring_error(["User", "Hall Case"], HALL, [HALL_ADMIN], HALL_ADMIN)


def test_a_system_manager_keeps_frappes_own_rights_and_others_are_left_to_frappe():
	assert tailoring_error(["User"], HALL, [HALL_ADMIN, "System Manager"], HALL_ADMIN) is None
	assert tailoring_error(["User"], HALL, ["窗口工作人员"], HALL_ADMIN) is None


def test_every_record_that_tailors_a_form_is_granted_and_guarded():
	assert set(TAILORING) <= set(GRANTS)
	assert "Customize Form" in GRANTS
