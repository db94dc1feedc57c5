"""An imported org is named by --name, or by its data (a company column, GitLab's team
page), and after its file only when neither says: the name is the title of its charts."""

from __future__ import annotations

import json
import warnings

import orgroles
from orgroles.render import make_plan

from tests.helpers import DATA, Write


def test_a_company_column_names_the_org(write: Write) -> None:
    path = write(
        "hr_export_2024.csv",
        "id,name,manager_id,Company Name\n1,Ana,,Acme Ltd\n2,Bo,1,Acme Ltd\n3,Cy,1,\n",
    )
    org = orgroles.from_csv(path, id_col="id", name_col="name", manager_col="manager_id")
    assert org.name == "Acme Ltd"
    assert make_plan(org).title == "Acme Ltd"
    named = orgroles.from_csv(
        path, id_col="id", name_col="name", manager_col="manager_id", name="Acme"
    )
    assert named.name == "Acme"


def test_the_company_column_is_found_as_the_other_columns_are(write: Write) -> None:
    for header in ("COMPANY_NAME", "Organisation:", "Company name (legal)", "Société"):
        path = write("export.csv", f"id,name,manager_id,{header}\n1,Ana,,Acme Ltd\n")
        org = orgroles.from_csv(path, id_col="id", name_col="name", manager_col="manager_id")
        expected = "Acme Ltd" if header in ("COMPANY_NAME", "Organisation:") else "export"
        assert org.name == expected, header


def test_without_a_company_column_the_file_names_the_org(write: Write) -> None:
    path = write("staff.csv", "id,name,manager_id\n1,Ana,\n2,Bo,1\n")
    assert orgroles.from_csv(path, id_col="id", name_col="name", manager_col="manager_id").name == (
        "staff"
    )


def test_workday_records_are_named_by_their_company() -> None:
    with (DATA / "cartography-fixtures" / "workday_directory_report.json").open() as handle:
        records = json.load(handle)["Report_Entry"]
    assert orgroles.from_records(records, preset="workday").name == "Example Corp"


def test_gitlab_s_team_page_is_gitlab() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # two roles of the real file have a broken title
        org = orgroles.from_gitlab(DATA / "gitlab-team" / "team.yml")
    assert org.name == "GitLab"
    assert make_plan(org, depth=0).title == "GitLab"
