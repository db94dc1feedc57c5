"""The presets of imports: the usual column names of each HR tool's export.

Examples:
    >>> PRESETS["bamboohr"].ids
    ('Employee #', 'Employee ID')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["PRESETS", "ManagerBy", "Preset", "preset_names"]

ManagerBy = Literal["id", "email", "name"]
"""How a row names its manager: by the manager's id, work email, or display name."""


@dataclass(frozen=True)
class Preset:
    """The usual column names of one HR tool's export, in order of preference.

    `managers` lists `(how, manager column, id column)` triples: a manager column that
    holds ids only makes sense with the id column it refers to (BambooHR's `Supervisor
    EID` holds `Employee #` values), so such a triple applies only when that id column
    is the one in use; a manager given by email or name (id column `None`) pairs with any.
    """

    name: str
    source: str
    ids: tuple[str, ...]
    managers: tuple[tuple[ManagerBy, str, str | None], ...]
    names: tuple[tuple[str, ...], ...] = ()
    titles: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    kind_froms: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    seniorities: tuple[str, ...] = ()
    holders: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    effectives: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    dotteds: tuple[str, ...] = ()


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset(
            name="orgroles",
            source="the CSV that Org.to_csv writes",
            ids=("id",),
            managers=(("id", "reports_to", "id"),),
            names=(("name",),),
            titles=("title",),
            emails=("email",),
            departments=("department",),
            kinds=("kind",),
            kind_froms=("kind_from",),
            families=("family",),
            seniorities=("seniority",),
            holders=("holder",),
            starts=("start",),
            ends=("end",),
        ),
        Preset(
            name="bamboohr",
            source="BambooHR's report field labels (Employee #, Supervisor EID, Reporting to)",
            ids=("Employee #", "Employee ID"),
            managers=(
                ("id", "Supervisor EID", "Employee #"),
                ("id", "Supervisor E ID", "Employee #"),
                ("id", "Supervisor ID", "Employee ID"),
                ("email", "Supervisor Email", None),
                ("name", "Reporting to", None),
                ("name", "Supervisor", None),
            ),
            names=(
                ("First Name", "Last Name"),
                ("Display Name",),
                ("Name",),
                ("Last Name, First Name",),
            ),
            titles=("Job Title",),
            emails=("Work Email",),
            departments=("Department",),
            starts=("Hire Date", "Original Hire Date"),
            ends=("Termination Date",),
            statuses=("Status", "Employment Status"),
        ),
        Preset(
            name="workday",
            source="Workday custom report (RaaS) field names: Employee_ID, businessTitle, "
            "Email_-_Work, Worker_s_Manager_group/Manager_ID, Supervisory_Organization; "
            "or the report's labels: Employee ID, Worker, Business Title, Manager",
            ids=("Employee_ID", "Worker_ID"),
            managers=(
                ("id", "Manager_ID", "Employee_ID"),
                ("id", "Worker_s_Manager_group", "Employee_ID"),
                ("id", "Manager_ID", "Worker_ID"),
                ("name", "Manager_Name", None),
                ("name", "Worker_s_Manager", None),
                ("name", "Manager", None),
            ),
            names=(("Name",), ("Full_Name",), ("Worker",), ("Legal_Name",), ("Preferred_Name",)),
            titles=("businessTitle", "Job_Title", "Job_Profile"),
            emails=("Email_-_Work", "Primary_Work_Email", "Work_Email", "Email"),
            departments=("Supervisory_Organization", "Team_Name", "Cost_Center"),
            starts=("Hire_Date", "Original_Hire_Date"),
            ends=("Termination_Date",),
            effectives=("Effective_Date",),
            statuses=("Active_Status", "Worker_Status", "Employee_Status"),
        ),
        Preset(
            name="odoo",
            source="Odoo's Employees list export: field labels (External ID, Manager), or "
            "the import-compatible technical names (id, parent_id/id)",
            ids=("External ID", "id"),
            managers=(
                ("id", "Manager/External ID", "External ID"),
                ("id", "parent_id/id", "id"),
                ("name", "Manager", None),
            ),
            names=(("Employee Name",), ("name",)),
            titles=("Job Title", "job_title"),
            emails=("Work Email", "work_email"),
            departments=("Department", "department_id/id", "department_id"),
            starts=("First Contract Date", "first_contract_date"),
            ends=("Departure Date", "departure_date"),
            statuses=("Active", "active"),
        ),
        Preset(
            name="google",
            source="Google Workspace's user CSV (Admin console, Users, Download users)",
            ids=("Email Address [Required]",),
            managers=(("email", "Manager Email", None),),
            names=(("First Name [Required]", "Last Name [Required]"),),
            titles=("Employee Title", "Title"),
            emails=("Email Address [Required]",),
            departments=("Department",),
            statuses=("Status [READ ONLY]",),
        ),
        Preset(
            name="d3",
            source="the d3-org-chart demo data (id, parentId, name, positionName, area)",
            ids=("id",),
            managers=(("id", "parentId", "id"),),
            names=(("name", "lastName"), ("name",)),
            titles=("positionName", "position"),
            emails=("email",),
            departments=("area", "office", "department_name"),
        ),
    )
}
"""The presets by name. `orgroles` is the default: the columns `to_csv()` writes."""


def preset_names() -> list[str]:
    """The names that `preset=` accepts (`orgroles` first).

    Examples:
        >>> preset_names()
        ['orgroles', 'bamboohr', 'workday', 'odoo', 'google', 'd3']
    """
    return list(PRESETS)
