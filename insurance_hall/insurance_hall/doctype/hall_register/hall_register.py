# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from frappe.model.document import Document


class HallRegister(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		register: DF.Literal[
			"\u5426\u5b9a\u62a5\u5907\u767b\u8bb0",
			"\u5ef6\u65f6\u670d\u52a1\u767b\u8bb0",
			"\u9884\u7ea6\u670d\u52a1\u767b\u8bb0",
			"\u5410\u69fd\u627e\u832c\u767b\u8bb0",
			"\u5bb9\u7f3a\u53d7\u7406\u767b\u8bb0",
			"\u597d\u5dee\u8bc4\u53f0\u8d26",
			"\u5ef6\u671f\u529e\u7ed3\u544a\u77e5",
		]
	# end: auto-generated types
	pass
