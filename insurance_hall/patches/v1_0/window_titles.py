"""Windows show as "1号窗口 参保登记窗口" wherever they are linked: sites of the previous release fill the title."""

import frappe

from insurance_hall.rules.staffing import window_title


def execute() -> None:
	for row in frappe.get_all("Service Window", fields=["name", "window_no", "window_name"]):
		frappe.db.set_value(
			"Service Window",
			row.name,
			"window_title",
			window_title(row.window_no, row.window_name),
			update_modified=False,
		)
