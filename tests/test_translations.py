"""A good neighbour on a shared site: the hall's Chinese names for generic words (Department → 科室,
Closed On → 办结日期) apply on the hall's own forms only, through the DocType context Frappe passes with a
label (`__(label, null, doctype)`); without context a generic word keeps a neutral translation, so HRMS's
部门 stays 部门 and ERPNext's Holiday List is not 法定节假日.
"""

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "insurance_hall" / "translations" / "zh.csv"
DOCTYPES = {p.parent.name for p in (ROOT / "insurance_hall" / "insurance_hall" / "doctype").glob("*/*.json")}

# a word other apps use, and what the hall calls it: never the hall's meaning without a context
HALL_MEANINGS = {
	"Department": "科室",
	"Holiday": "法定节假日",
	"Result": "办理结果",
	"On Duty": "在岗人员",
	"Rating": "评价等级",
	"Days": "日期",
	"Closed On": "办结日期",
	"Workflow State": "审批状态",
}


def rows() -> list[list[str]]:
	with CSV.open(encoding="utf-8") as f:
		return [row for row in csv.reader(f) if row]


def test_a_generic_word_gets_the_halls_meaning_only_on_the_halls_forms():
	for row in rows():
		source, translated = row[0], row[1]
		context = row[2] if len(row) > 2 else ""
		if source in HALL_MEANINGS and translated == HALL_MEANINGS[source]:
			assert context, f"“{source}” → “{translated}” without a DocType context relabels every app"
			assert context.lower().replace(" ", "_") in DOCTYPES, f"context “{context}” is not a hall DocType"


def test_every_row_is_source_translation_and_an_optional_context():
	for row in rows():
		assert len(row) in (2, 3), row
		assert row[0].strip() and row[1].strip(), row
