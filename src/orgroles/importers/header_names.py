"""The names that exports give their columns, for the header guess (`guess.py`).

Each table lists a column's usual names, folded (lower case, no accents, words joined by
one space: "Employee #" is `employee #`, "Vorgesetzte:r" is `vorgesetzte r`), in order of
preference, in English, French, German, Spanish, Italian, Portuguese, Dutch, Polish and
the Nordic languages.

Examples:
    >>> "associate id" in IDS, "vorgesetzte r" in MANAGERS
    (True, True)
"""

from __future__ import annotations

import re
from functools import cache

from orgroles.catalog._title_text import fold

__all__ = [
    "DEPARTMENTS",
    "DOTTED",
    "EFFECTIVES",
    "EMAILS",
    "ENDS",
    "FAMILY_FIRST",
    "FIRST",
    "FLAG_COLUMNS",
    "FULL",
    "HOLDERS",
    "IDS",
    "INCUMBENTS",
    "INVERSE_FLAG_COLUMNS",
    "LAST",
    "MANAGERS",
    "MIDDLES",
    "PARENT_POSITIONS",
    "PARTICLES",
    "POSITIONS",
    "STARTS",
    "STATUS_COLUMNS",
    "TITLES",
    "header_key",
    "names",
    "run_together",
]

_SPLIT = re.compile(r"(?:[^\w#]|_)+")  # letters of any script: "社員番号" is one word
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def header_key(column: str) -> str:
    """A column name (or a value) as the tables write it: folded, words joined by one
    space, camel case split ("displayName", "employeeID": as directories export them).

    Examples:
        >>> header_key("Vorgesetzte:r"), header_key("accountEnabled"), header_key("Employee #")
        ('vorgesetzte r', 'account enabled', 'employee #')
        >>> header_key("profile.managerId")  # Okta's profile attributes
        'manager id'
    """
    if column[:8].lower() == "profile.":  # Okta's columns: "profile.firstName", ...
        column = column[8:]
    return " ".join(_SPLIT.split(fold(_CAMEL.sub(" ", column)))).strip()


def names(text: str) -> tuple[str, ...]:
    """The names of a table, written one string with commas between them."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


IDS = names(
    "id, employee id, employee #, employee number, employee no, emp id, emp no, emplid, staff id, "
    "staff number, person id, person number, personnel number, worker id, worker number, "
    "associate id, user id, userid, "
    "badge, matricule, numero de matricule, numero matricule, id salarie, numero salarie, "
    "personalnummer, mitarbeiternummer, numero employe, numero de empleado, id empleado, "
    "personeelsnummer, medewerkernummer, sam account name, user principal name, "
    "employee code, emp code, payroll number, payroll id, staff no, employee id number, "
    "personalnr, mitarbeiter id, matricola, codice dipendente, id dipendente, "
    "numero dipendente, matricula, numero de matricula, numero da matricula, "
    "id colaborador, codigo do colaborador, numero do funcionario, id funcionario, "
    "numer pracownika, id pracownika, nr pracownika, anstallningsnummer, anstallningsnr, "
    "medarbejdernummer, ansattnummer, ansattnr, ansatt nr, ansattid, werknemersnummer, "
    "werknemer nummer, werknemer id, xref code, xrefcode, employee xref code, "
    "employee xrefcode, ref, employee ref, staff ref, "
    "employee reference, internal id, nr ewid, nr ewidencyjny, numer ewidencyjny, anst nr, anstnr, "
    "社員番号, 従業員番号, 社員id, 社員コード, 従業員コード, 工号, 员工编号, 员工号, 사번, "
    "사원번호, 직원번호, henkilonumero, henkilotunnus, tyontekijanumero, pers nr, pernr"
)
FIRST = names(
    "first name, firstname, given name, legal first name, forename, forenames, forename s, "
    "first names, given names, first, prenom, "
    "vorname, nombre, voornaam, "
    "roepnaam, nome, primeiro nome, imie, fornamn, fornavn, 名, 名前 名, 下の名前, 이름, "
    "etunimet, etunimi"
)
PARTICLES = names(
    "voorvoegsel, tussenvoegsel, voorvoegsels, tussenvoegsels, voorvoegsel achternaam, "
    "tussenvoegsel achternaam, namenszusatz, vorsatzwort"
)
"""The particle of a last name in a column of its own ("van der" in "Pieter van der Berg",
as Dutch payrolls write it): read between the first and the last name."""
MIDDLES = names(
    "middle name, middle names, middlename, second given name, segundo nombre, nome do meio, "
    "secondo nome, zweiter vorname, tweede voornaam"
)
"""A middle name in a column of its own: read between the first and the last name when
most of the column's names are more than initials ("J", "M.")."""
FAMILY_FIRST = frozenset(names("名, 名前 名, 下の名前, 이름"))
"""First-name headers of languages that write the family name first ("高森 遥"): a name
joined from its two columns puts the last name first."""
LAST = names(
    "last name, lastname, last, surname, family name, legal last name, nom de famille, nachname, "
    "apellidos, apellido, achternaam, sn, nom, familienname, "
    "cognome, sobrenome, apelido, ultimo nome, nazwisko, efternamn, efternavn, etternavn, 姓, "
    "名前 姓, 성, sukunimi"
)
FULL = names(
    "name, full name, fullname, real name, display name, employee name, employee full name, "
    "employee display name, worker display name, "
    "employee, worker, "
    "worker name, legal name, preferred name, associate name, payroll name, nom complet, "
    "nom prenom, nom et prenom, prenom nom, collaborateur, salarie, name des mitarbeiters, "
    "mitarbeiter, nombre completo, empleado, naam, medewerker, nom, nome, "
    "full legal name, last name first name, first name last name, nome completo, "
    "nome e cognome, nominativo, dipendente, colaborador, funcionario, imie i nazwisko, "
    "pracownik, namn, navn, medarbetare, medarbejder, ansatt, 氏名, 名前, 社員名, 従業員名, "
    "姓名, 员工姓名, 성명, 직원명"
)
TITLES = names(
    "title, job title, jobtitle, business title, position, position title, job, "
    "job title description, job profile, position name, designation, role, job name, poste, "
    "intitule du poste, intitule de poste, intitule poste, libelle du poste, libelle poste, "
    "libelle emploi, emploi, fonction, stelle, stellenbezeichnung, berufsbezeichnung, "
    "jobtitel, tatigkeitsbezeichnung, tatigkeit, puesto, cargo, functie, "
    "job position, job role, role title, mansione, qualifica, ruolo, posizione, funcao, "
    "stanowisko, befattning, titel, tjanstetitel, stilling, stillingstittel, "
    "stillingsbetegnelse, 役職, 役職名, 職位, 職種, 肩書き, 肩書, 职位, 职务, 岗位, 직책, "
    "직위, 직급, tehtavanimike, nimike, ammattinimike, planstelle text, stelle text"
)
EMAILS = names(
    "email, e mail, work email, email address, business email, work e mail, mail, emails, "
    "courriel, "
    "adresse email, adresse e mail, adresse mail, email professionnel, e mail professionnel, "
    "mail professionnel, courriel professionnel, geschaftliche e mail, e mail adresse, "
    "correo electronico, correo, correo corporativo, e mailadres, zakelijk e mailadres, "
    "e mail werk, email werk, "
    "work mail, primary email, company email, office email, email id, official email id, "
    "indirizzo email, "
    "indirizzo e mail, email aziendale, e mail aziendale, email corporativo, "
    "e mail corporativo, adres e mail, e post, e postadress, epost, arbeids e post, "
    "adresse e mail professionnelle, adresse email professionnelle, "
    "adresse mail professionnelle, e mail geschaftlich, email geschaftlich, e mail business, "
    "correo electronico corporativo, correo de trabajo, email de trabajo, メールアドレス, "
    "メール, 電子メール, 邮箱, 电子邮件, 이메일, tyosahkoposti, sahkoposti"
)
DEPARTMENTS = names(
    "department, dept, department name, home department description, division, "
    "supervisory organization, business unit, service, departement, abteilung, "
    "organisation, organization, org unit, equipe, pole, bereich, departamento, afdeling, "
    "reparto, dipartimento, ufficio, setor, dzial, avdelning, avdeling, home department, "
    "organisatorische eenheid, organisatie eenheid, organisatieonderdeel, "
    "org level 1, org level 1 description, school, faculty, school unit, "
    "home department name, department description, departments, equipos, equipo, "
    "department desc, dept desc, department descr, "
    "team, team name, teams, ward, 部署, 部署名, 所属, 所属部署, 部門, 部门, 부서, 부서명, "
    "osasto, yksikko, org einheit text, organisationseinheit text, organisationseinheit"
)
STARTS = names(  # the latest hire date before the original: a rehire's current stint
    "last hire date, most recent hire date, latest hire date, "
    "hire date, hiredate, employee hire date, start date, date start, date of joining, "
    "joining date, "
    "original hire date, "
    "date of hire, date joined, joined on, hired on, provisional start date, "
    "date d entree, date embauche, date d embauche, date d arrivee, eintrittsdatum, "
    "fecha de alta, fecha de ingreso, fecha de incorporacion, datum in dienst, startdatum, "
    "date hired, employment start date, data di assunzione, data assunzione, "
    "data de admissao, data admissao, data zatrudnienia, anstallningsdatum, startdato, "
    "ansettelsesdato, ansaettelsesdato, ansattdato, ansatt dato, tiltredelsesdato, "
    "rehire date, "
    "anstalld fran, anstallningsdatum fran, "
    "入社日, 入社年月日, 入职日期, 입사일, "
    "tyosuhteen alkamispaiva, alkamispaiva, tyosuhde alkaa, eintritt, "
    "assignment start date, contract start date, begindatum contract"
)
ENDS = names(
    "termination date, term date, end date, actual termination date, date end, leave date, "
    "employee leave date time, "
    "leaving date, date de sortie, date de depart, "
    "austrittsdatum, fecha de baja, datum uit dienst, einddatum, "
    "date terminated, terminated date, terminated on, release date, employment end date, "
    "exit date, last day, last working day, "
    "data di cessazione, data cessazione, data de demissao, data de desligamento, "
    "data zwolnienia, slutdatum, slutdato, sluttdato, slutt dato, fratredelsesdato, "
    "fratradelsedatum, date of exit, date of leaving, "
    "date of termination, separation date, last day worked, date de fin de contrat, "
    "fin de contrat, date de fin, departure date, date of departure, anstalld till, "
    "退職日, 退職年月日, 离职日期, 퇴사일, "
    "tyosuhteen paattymispaiva, paattymispaiva, tyosuhde paattyy, austritt"
)
MANAGERS = names(
    "manager, manager id, manager employee id, manager email, manager e mail, manager name, "
    "reports to, reports to id, reports to email, reports to name, reports to associate id, "
    "reporting to, supervisor, supervisor id, supervisor eid, supervisor email, "
    "supervisor name, line manager, line manager id, parent id, parentid, boss, "
    "responsable, manager direct, vorgesetzter, vorgesetzte, vorgesetzte r, "
    "vorgesetzter id, fuhrungskraft, n 1, manager n 1, superieur hierarchique, "
    "responsable hierarchique, jefe, jefe directo, responsable directo, leidinggevende, "
    "direct manager, direct manager id, direct manager name, direct manager email, "
    "manager full name, manager display name, manager user principal name, manager upn, "
    "manager mail, manager work email, manager number, manager employee number, "
    "manager emp id, manager worker id, manager staff id, manager s name, manager s email, "
    "reporting manager, reporting manager id, reporting manager name, "
    "reporting manager email, reports to employee id, reports to full name, "
    "direct supervisor, immediate supervisor, supervisor full name, "
    "supervisor employee id, line manager name, line manager email, responsable direct, "
    "responsabile diretto, superiore, superiore diretto, manager diretto, gestor, "
    "gestor direto, gestor imediato, superior imediato, superior direto, chefe, chefia, "
    "chefe direto, lider direto, jefe inmediato, superior inmediato, przelozony, "
    "bezposredni przelozony, kierownik, chef, narmaste chef, leder, naermeste leder, 上長, "
    "上司, 直属の上司, 上長名, 所属長, 直属上级, 上级, 상사, 직속 상사, "
    "esihenkilo, esimies, vorgesetzter pers nr, vorgesetzter personalnummer, 上長 社員番号, "
    "上長の社員番号, 上司 社員番号"
)

# A position export (SuccessFactors, Oracle HCM, Workday's position management): a row per
# seat, which reports to a parent seat, with the id of the person who holds it (empty: open).
POSITIONS = names(
    "position id, position number, position code, position no, position nbr, pos id, "
    "position identifier, job position id, seat id, id poste, code poste, numero de poste, "
    "poste id, stellen id, stellennummer, planstellen id, planstellennummer, id puesto, "
    "job id, req id, "
    "codigo de puesto, codigo puesto, positie id, id posizione, codice posizione, "
    "id cargo, codigo do cargo, id stanowiska"
)
PARENT_POSITIONS = names(
    "parent position id, parent position, parent position number, parent position code, "
    "reports to position id, reports to position, reports to position number, "
    "reports to position code, supervisor position id, supervisor position, "
    "manager position id, manager position, superior position id, superior position, "
    "higher level position id, higher level position, parent pos id, parent seat id, "
    "manager job id, parent job id, reports to job id, manager req id, "
    "id poste superieur, poste superieur, code poste superieur, ubergeordnete stelle, "
    "ubergeordnete position, id puesto superior, puesto superior, id posizione superiore"
)
EFFECTIVES = names(
    "effective date, effective from, date effective, effective as of, action date, "
    "valid from, gultig ab, gueltig ab, wirksam ab, date d effet, date effet, "
    "fecha efectiva, data efetiva, data di decorrenza, ingangsdatum, giltig fran"
)
"""Headers of the day from which a row holds, in an export with a row per change."""
HOLDERS = names(
    "incumbent id, incumbent employee id, incumbent number, holder id, position holder id, "
    "occupant id, employee id of incumbent, incumbent user id, incumbent person id, "
    "incumbent worker id"
)
INCUMBENTS = names("incumbent, incumbent name, position holder, holder name, occupant")
DOTTED = names(
    "dotted line manager, dotted line manager id, dotted line manager email, "
    "dotted line manager name, dotted line, dotted line to, dotted line reports to, "
    "dotted manager, matrix manager, matrix manager id, matrix manager email, "
    "matrix manager name, matrix reports to, secondary manager, secondary manager id, "
    "secondary manager email, secondary manager name, secondary reports to, "
    "secondary supervisor, functional manager, functional manager id, "
    "functional manager email, functional manager name, functional supervisor, "
    "functional reports to, indirect manager, additional manager, additional managers, "
    "second manager, n 1 fonctionnel, manager fonctionnel, responsable fonctionnel, "
    "superieur fonctionnel, fachvorgesetzter, fachvorgesetzte, fachlicher vorgesetzter, "
    "fachliche vorgesetzte, fachliche fuhrungskraft, jefe funcional, responsable funcional, "
    "gestor funcional, responsabile funzionale, functioneel leidinggevende"
)
"""A dotted-line (matrix) manager: the functional manager beside the line manager."""

STATUS_COLUMNS = frozenset(
    names(
        "status, employee status, employment status, employee state, employment state, "
        "position status, worker status, lifecycle status, staff status, hr status, "
        "user status, account status, status read only, current status, job status, "
        "emp status, empl status, contract status, assignment status, assignment status type, "
        "hiring status, employment status type, worker status type, "
        "statut, statut du salarie, statut salarie, "
        "statut collaborateur, statut de l employe, beschaftigungsstatus, mitarbeiterstatus, "
        "tyosuhteen tila, tila, "
        "status des mitarbeiters, personalstatus, estado, estado del empleado, estado empleado, "
        "situacion laboral, stato, stato dipendente, stato del dipendente, situacao, "
        "status do colaborador, status medewerker, status pracownika, status zatrudnienia, "
        "anstallningsstatus, role state, employment state type, 在籍状況, 在籍区分, "
        "ステータス, 雇用状態, 在职状态, 员工状态, 재직상태, 재직 상태"
    )
)
"""Headers (folded: lower case, no accents, words joined by one space) of a status."""

FLAG_COLUMNS = frozenset(
    names(
        "active, is active, active status, active employee, employee active, active flag, "
        "enabled, is enabled, account enabled, user enabled, actif, aktiv, activo, attivo, "
        "ativo, actief, aktywny"
    )
)
"""Headers of a yes-or-no column that is `no` (`false`, `0`) for someone who left."""

INVERSE_FLAG_COLUMNS = frozenset(
    names(
        "terminated, is terminated, inactive, is inactive, disabled, account disabled, "
        "deleted, is deleted, archived, is archived, has left, left company, suspended, "
        "is suspended, account suspended"
    )
)
"""Headers of a yes-or-no column that is `yes` (`true`, `1`) for someone who left."""


@cache
def _run_together() -> dict[str, str]:
    table: dict[str, str] = {}
    for known in (
        IDS, MANAGERS, TITLES, EMAILS, DEPARTMENTS, STARTS, ENDS, STATUS_COLUMNS, FLAG_COLUMNS,
        INVERSE_FLAG_COLUMNS, HOLDERS, POSITIONS, PARENT_POSITIONS, DOTTED, INCUMBENTS, FULL,
        FIRST, LAST, MIDDLES,
    ):  # fmt: skip
        for name in known:
            if " " in name:
                table.setdefault(name.replace(" ", ""), name)
    return table


def run_together(key: str) -> str | None:
    """The known column name of several words that a header key writes run together, as
    an all-capitals header does ("MANAGERID", "ISACTIVE": no case tells its words apart).

    Examples:
        >>> run_together(header_key("MANAGERID")), run_together(header_key("ISACTIVE"))
        ('manager id', 'is active')
        >>> run_together("manager id"), run_together("title")
        (None, None)
    """
    return None if " " in key else _run_together().get(key)
