"""Bench commands: `bench --site S apply-hall-profile yinan`, `export-hall-profile`, `load-hall-demo`."""

from __future__ import annotations

import json
import sys

import click
from frappe.commands import get_site, pass_context


def _connect(context):
	import frappe

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	return frappe


@click.command("apply-hall-profile")
@click.argument("profile")
@click.option("--keep-language", is_flag=True, help="不把站点语言从英文改为中文")
@pass_context
def apply_hall_profile(context, profile: str, keep_language: bool = False):
	"""Apply a county profile (a shipped key such as yinan, or a path to a JSON file) to the site; a site
	still on English switches to Chinese unless --keep-language."""
	from insurance_hall.rules.profile import ProfileError, load_profile

	frappe = _connect(context)
	try:
		from insurance_hall.setup.profile import apply_profile

		changed = apply_profile(load_profile(profile))
		if not keep_language:
			from insurance_hall.setup.install import set_chinese_as_site_language

			if set_chinese_as_site_language():
				click.echo("站点语言已由英文改为中文（保留英文请加 --keep-language）")
		frappe.db.commit()
		click.echo(f"已应用县区配置 {profile}：" + "，".join(f"{k} {v}" for k, v in changed.items()))
	except ProfileError as exc:
		click.echo(str(exc), err=True)
		sys.exit(1)
	finally:
		frappe.destroy()


@click.command("export-hall-profile")
@click.option("--output", "-o", help="file to write; standard output when omitted")
@pass_context
def export_hall_profile(context, output: str | None = None):
	"""Export the site's hall configuration (settings, chains, calendars, customizations) as a profile."""
	frappe = _connect(context)
	try:
		from insurance_hall.setup.profile import export_profile

		text = json.dumps(export_profile(), ensure_ascii=False, indent=1) + "\n"
	finally:
		frappe.destroy()
	if output:
		with open(output, "w", encoding="utf-8") as fh:
			fh.write(text)
		click.echo(f"已导出到 {output}")
	else:
		click.echo(text, nl=False)


@click.command("load-hall-demo")
@click.option("--password", default="Demo@2026", help="password of every demo user")
@click.option("--smtp-port", type=int, default=2525, help="port of the local SMTP sink the demo sends to")
@click.option(
	"--sms-port", type=int, default=2626, help="port of the local SMS gateway sink the demo sends to"
)
@click.option(
	"--rollback", is_flag=True, default=False, help="load everything, report, then undo it (a check)"
)
@pass_context
def load_hall_demo(context, password: str, smtp_port: int, sms_port: int = 2626, rollback: bool = False):
	"""Load demo departments, windows, staff users and service matters into the site."""
	frappe = _connect(context)
	try:
		from insurance_hall.setup.demo import load_demo, prepare_site

		prepare_site()
		frappe.db.commit()
		try:
			summary = load_demo(password=password, smtp_port=smtp_port, sms_port=sms_port)
		except Exception as exc:
			# a failed load leaves nothing half-made: the whole demo is one transaction
			frappe.db.rollback()
			message = frappe.utils.strip_html(str(exc)) or type(exc).__name__
			click.echo(f"演示数据载入失败，已全部撤销：{message}", err=True)
			if context.get("verbose"):
				raise
			sys.exit(1)
		if rollback:
			frappe.db.rollback()
			click.echo(
				f"演示数据可以载入（{frappe.utils.today()}，已撤销）："
				+ "，".join(f"{k} {v}" for k, v in summary.items())
			)
			return
		frappe.db.commit()
		click.echo("已载入演示数据：" + "，".join(f"{k} {v}" for k, v in summary.items()))
	finally:
		frappe.destroy()


commands = [apply_hall_profile, export_hall_profile, load_hall_demo]
