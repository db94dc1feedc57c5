"""A second table that names the codes of a column (`Lookup`): Oracle's departments."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Lookup"]


@dataclass(frozen=True)
class Lookup:
    """A second table that turns the codes of a column into names.

    Oracle's HR schema gives each employee a `DEPARTMENT_ID`, and `departments.csv` names
    them. `Lookup("departments.csv", "DEPARTMENT_NAME", "DEPARTMENT_ID")` reads that file
    and looks each code up in its `key_col` (`DEPARTMENT_ID`) to find the name in its
    `value_col` (`DEPARTMENT_NAME`). The name comes before the key, as the key is often
    left out: without `key_col`, the key column has the name of the column being looked
    up. Keywords say it best: `Lookup(path, value_col="DEPARTMENT_NAME")`.

    Args:
        path: The CSV file of the lookup table.
        value_col: Its column that holds the names.
        key_col: Its column that holds the codes; by default, the column of the same name
            as the one being looked up (`DEPARTMENT_ID` for `department_col="DEPARTMENT_ID"`).

    Examples:
        >>> import orgroles
        >>> org = orgroles.from_csv(
        ...     "tests/data/oracle-hr-schema/employees.csv", id_col="EMPLOYEE_ID",
        ...     name_col=["FIRST_NAME", "LAST_NAME"], manager_col="MANAGER_ID",
        ...     department_col="DEPARTMENT_ID",
        ...     departments=Lookup("tests/data/oracle-hr-schema/departments.csv",
        ...                        value_col="DEPARTMENT_NAME", key_col="DEPARTMENT_ID"))
        >>> org.team_of("100").name, org.roles["100"].meta["DEPARTMENT_ID"]
        ('Executive', '90')
    """

    path: str
    value_col: str
    key_col: str | None = None
