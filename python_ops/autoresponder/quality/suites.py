"""The Great Expectations suites of a run, as plain data (DESIGN §10, issue 11).

Each suite names the warehouse table it validates, the query that makes its batch (a pandas
dataframe read from DuckDB: the cheapest datasource GX has) and its expectations as
`(ExpectationClassName, kwargs)` pairs, so importing this module costs nothing; GX itself is only
imported when a suite runs (`autoresponder.quality.validate`).

A batch holds exactly the columns its expectations and row conditions name (`named_columns`),
computed ones included, and nothing else: the whole batch is read into pandas, and the text
columns an output suite scans for a raw email body (payload, prior, evidence) are read only in
SQL, where `holds_raw_body` is computed (issue 13: `fct_actions` read with `select *` was 37 MB of
pandas at 20k replies, 18 MB now; linear in the replies).

The committed file data context `gx/` holds the same suites as GX JSON (`gx/expectations/`);
`python -m autoresponder.quality.project` rewrites it from this module and a test keeps the two
equal.

Input suites guard `apply`: one failing stops the run before any write (exit 4). Output suites
describe what the run produced (marts, each document, the write log); their failures are
reported (asset checks, Data Docs, impact report) but cannot undo writes already made.
"""

from __future__ import annotations

from dataclasses import dataclass

# an address: something@domain.tld, no spaces or angle brackets (what every system stores)
EMAIL_REGEX = r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$"
ISO_DATE = "%Y-%m-%d"
ISO_TIMESTAMP = "%Y-%m-%d %H:%M:%S"

DETERMINATIONS = ["ACTIVE", "INACTIVE", "EMAIL_UPDATE", "TITLE_UPDATE", "REPLACEMENT", "BOUNCE",
                  "OUT_OF_OFFICE", "UNKNOWN"]
OUTCOMES = ["auto_update", "confirm_only", "manual_review", "record_only", "skipped_unknown",
            "skipped_no_contact"]
GATES = ["auto", "approved", "review", "record_only", "skip"]
SYSTEMS = ["cupola", "hodor", "salesforce", "hubspot", "multipub", "sfmc"]
OBJECTS = ["org_person", "prospect", "Contact", "Lead", "Account", "subscription", "suppression"]
ACTIONS = ["mark_inactive", "update_email", "update_title", "reactivate", "create", "record_bounce",
           "confirm_active", "flag", "suppress", "review", "skip",
           "delete", "weekly_rollup"]  # the write log only: rollback of a create, the weekly roll-up Task
WRITE_STATUSES = ["pending", "succeeded", "queued", "failed_retriable", "failed_terminal", "skipped_noop",
                  "skipped_conflict", "skipped_dependency"]
CUPOLA_STATES = ["active", "inactive", "none", "ambiguous"]

# a text cell longer than this is not a snippet of evidence (capped at 700 characters) but a body
MAX_CELL_CHARS = 2000
# a message body this long found whole in an output cell means the output carries the raw body ...
MIN_BODY_CHARS = 120
# ... when it has more sentences than evidence holds: the classifier quotes the sentence that
# decided and at most two it read names or addresses from, so a two-sentence notice ("I have
# left. Please contact x@y") is its own evidence, quoted whole by design, and not a raw body
MIN_BODY_SENTENCES = 4
# sentence ends (Latin and CJK): what the count above counts
SENTENCE_END = r"[.!?](\s|$)|[。！？]"

Expectation = tuple[str, dict]


@dataclass(frozen=True)
class Suite:
    """One expectation suite over one warehouse table."""

    name: str  # GX suite name, e.g. "inputs.raw_cupola_org_persons"
    kind: str  # "input" or "output"
    table: str  # schema.table it validates (also the Dagster asset key)
    sql: str  # the batch: one row per row of the table, plus computed check columns
    expectations: tuple[Expectation, ...]
    # "bounded": row count within [min_ratio, max_ratio] x the previous successful run's;
    # "growing": at least the previous count (tables that only accumulate); None: no bound
    row_count: str | None = None
    description: str = ""
    references: tuple[str, ...] = ()  # other tables the batch query reads (landed first)

    @property
    def asset_key(self) -> list[str]:
        return self.table.split(".")


def _unique(*cols: str) -> Expectation:
    if len(cols) == 1:
        return ("ExpectColumnValuesToBeUnique", {"column": cols[0]})
    return ("ExpectCompoundColumnsToBeUnique", {"column_list": list(cols)})


def _not_null(col: str, **kw) -> Expectation:
    return ("ExpectColumnValuesToNotBeNull", {"column": col, **kw})


def _email(col: str) -> Expectation:
    return ("ExpectColumnValuesToMatchRegex", {"column": col, "regex": EMAIL_REGEX})


def _in_set(col: str, values: list) -> Expectation:
    return ("ExpectColumnValuesToBeInSet", {"column": col, "value_set": list(values)})


def _date(col: str, fmt: str = ISO_DATE) -> Expectation:
    return ("ExpectColumnValuesToMatchStrftimeFormat", {"column": col, "strftime_format": fmt})


def _true(col: str) -> Expectation:
    return ("ExpectColumnValuesToBeInSet", {"column": col, "value_set": [True]})


def _false(col: str) -> Expectation:
    return ("ExpectColumnValuesToBeInSet", {"column": col, "value_set": [False]})


# GX's serialised row condition `Column("gate") == "auto"` (plain data: no GX import here)
AUTO_ROWS = {"type": "comparison", "column": {"name": "gate"}, "operator": "==", "parameter": "auto"}

ROW_COUNT: Expectation = ("ExpectTableRowCountToBeBetween",
                          {"min_value": {"$PARAMETER": "min_rows"}, "max_value": {"$PARAMETER": "max_rows"}})


# --- inputs: the landed tables --------------------------------------------------------------------

INPUT_SUITES: tuple[Suite, ...] = (
    Suite("inputs.raw_emails", "input", "raw.emails",
          "select message_id, lower(trim(from_email)) as from_email, auth_status, "
          "strftime(sent_at, '%Y-%m-%d %H:%M:%S') as sent_at from raw.emails",
          (ROW_COUNT, _not_null("message_id"), _unique("message_id"), _email("from_email"),
           _in_set("auth_status", ["pass", "fail", "none", "softfail", "neutral", "temperror", "permerror"]),
           _date("sent_at", ISO_TIMESTAMP)),
          row_count="growing",
          description="Landed replies: one row per Message-ID, sender addresses valid, dates parsed."),
    Suite("inputs.raw_cupola_persons", "input", "raw.cupola_persons",
          "select person_id, lower(trim(email)) as email from raw.cupola_persons",
          (ROW_COUNT, _not_null("person_id"), _unique("person_id"), _email("email")),
          row_count="bounded", description="CUPOLA persons: unique ids, valid emails."),
    Suite("inputs.raw_cupola_orgs", "input", "raw.cupola_orgs",
          "select org_id, org_name, lower(trim(website_domain)) as website_domain from raw.cupola_orgs",
          (ROW_COUNT, _not_null("org_id"), _unique("org_id"), _not_null("org_name"),
           ("ExpectColumnValuesToMatchRegex", {"column": "website_domain", "regex": r"^[a-z0-9.-]+\.[a-z]{2,}$"})),
          row_count="bounded", description="CUPOLA orgs: unique ids, names, website domains."),
    Suite("inputs.raw_cupola_org_persons", "input", "raw.cupola_org_persons",
          "select op.org_person_id, lower(trim(op.email)) as email, op.status, "
          "strftime(op.status_change_date, '%Y-%m-%d') as status_change_date, "
          "p.person_id is not null as person_exists, o.org_id is not null as org_exists "
          "from raw.cupola_org_persons op "
          "left join raw.cupola_persons p on p.person_id = op.person_id "
          "left join raw.cupola_orgs o on o.org_id = op.org_id",
          (ROW_COUNT, _not_null("org_person_id"), _unique("org_person_id"), _email("email"),
           _in_set("status", ["Active", "Inactive"]), _date("status_change_date"),
           _true("person_exists"), _true("org_exists")),
          row_count="bounded",
          description="CUPOLA org-person rows: unique ids, valid emails, Active/Inactive, parseable dates, "
                      "every row points at a person and an org.",
          references=("raw.cupola_persons", "raw.cupola_orgs")),
    Suite("inputs.raw_multipub_subscriptions", "input", "raw.multipub_subscriptions",
          "select subscription_id, lower(trim(email)) as email, subscription_type, status, "
          "strftime(start_date, '%Y-%m-%d') as start_date, strftime(end_date, '%Y-%m-%d') as end_date, "
          "strftime(last_issue_date, '%Y-%m-%d') as last_issue_date from raw.multipub_subscriptions",
          (ROW_COUNT, _not_null("subscription_id"), _unique("subscription_id"), _email("email"),
           _in_set("subscription_type", ["recurring", "single_issue"]),
           _in_set("status", ["active", "expired", "cancelled"]),
           _date("start_date"), _date("end_date"), _date("last_issue_date")),
          row_count="bounded", description="Multipub subscriptions: unique ids, valid emails, allowed "
                                           "types and statuses, parseable dates."),
    Suite("inputs.raw_hodor_prospects", "input", "raw.hodor_prospects",
          "select prospect_id, lower(trim(email)) as email from raw.hodor_prospects",
          (ROW_COUNT, _not_null("prospect_id"), _unique("prospect_id"), _email("email")),
          row_count="bounded", description="Hodor prospects: unique ids, valid emails."),
    Suite("inputs.raw_sfmc_suppressions", "input", "raw.sfmc_suppressions",
          "select lower(trim(email)) as email, list_name, "
          "strftime(added_at, '%Y-%m-%d %H:%M:%S') as added_at from raw.sfmc_suppressions",
          (ROW_COUNT, _not_null("email"), _email("email"), _unique("email", "list_name"),
           _date("added_at", ISO_TIMESTAMP)),
          row_count="bounded", description="SFMC suppressions: valid emails, one row per email and list."),
    Suite("inputs.raw_sf_contact", "input", "raw.sf_contact",
          "select \"Id\" as id, lower(trim(\"Email\")) as email, \"Contact_Status__c\" as status "
          "from raw.sf_contact",
          (ROW_COUNT, _not_null("id"), _unique("id"), _email("email"), _in_set("status", ["Active", "Inactive"])),
          row_count="bounded", description="Salesforce Contacts: unique ids, valid emails, Active/Inactive."),
    Suite("inputs.raw_sf_lead", "input", "raw.sf_lead",
          "select \"Id\" as id, lower(trim(\"Email\")) as email from raw.sf_lead",
          (ROW_COUNT, _not_null("id"), _unique("id"), _email("email")),
          row_count="bounded", description="Salesforce Leads: unique ids, valid emails."),
)


# --- outputs: marts, documents, the write log ------------------------------------------------------

def named_columns(expectations: tuple[Expectation, ...] | list[Expectation]) -> list[str]:
    """The columns `expectations` read (`column`, `column_list`, a row condition's column), in the
    order they are first named: what a suite's batch must hold, and all it needs to."""
    out: list[str] = []
    for _, kwargs in expectations:
        cond = kwargs.get("row_condition")
        for c in ([kwargs["column"]] if "column" in kwargs else []) + list(kwargs.get("column_list") or []) \
                + ([cond["column"]["name"]] if isinstance(cond, dict) else []):
            if c not in out:
                out.append(c)
    return out


def _raw_body_suite(name: str, table: str, text_columns: tuple[str, ...], expectations: tuple[Expectation, ...],
                    description: str) -> Suite:
    """A suite over `table` whose batch holds the columns its expectations name plus
    `holds_raw_body`: a text cell (of `text_columns`, read only here, in SQL) too long to be
    evidence, or holding the whole body of its own message (when that body is longer than any
    evidence the classifier quotes)."""
    cells = " or ".join(
        f"length(coalesce(t.{c}::varchar, '')) > {MAX_CELL_CHARS} or (length(e.body) >= {MIN_BODY_CHARS} "
        f"and e.sentences >= {MIN_BODY_SENTENCES} and contains(coalesce(t.{c}::varchar, ''), e.body))"
        for c in text_columns)
    columns = "".join(f"t.{c}, " for c in named_columns(expectations) if c != "holds_raw_body")
    sql = (f"select {columns}coalesce({cells or 'false'}, false) as holds_raw_body from {table} t "
           f"left join (select message_id, trim(text) as body, "
           f"len(regexp_extract_all(trim(text), '{SENTENCE_END}')) as sentences from raw.emails) e "
           f"on e.message_id = t.message_id")
    return Suite(name, "output", table, sql, expectations, description=description)


def _document(model: str, text_columns: tuple[str, ...], keys: tuple[str, ...] = ("run_id", "message_id"),
              more: tuple[Expectation, ...] = ()) -> Suite:
    return _raw_body_suite(f"outputs.{model}", f"marts.{model}", text_columns,
                           (_not_null("run_id"), _unique(*keys), _false("holds_raw_body"), *more),
                           f"Document {model}: one row per key, no raw email body.")


OUTPUT_SUITES: tuple[Suite, ...] = (
    _raw_body_suite(
        "outputs.fct_actions", "marts.fct_actions", ("payload", "prior", "reason", "gate_reason"),
        (_not_null("message_id"), _in_set("determination", DETERMINATIONS), _in_set("gate", GATES),
         _in_set("system", SYSTEMS), _in_set("object", OBJECTS), _in_set("action", ACTIONS),
         _not_null("idempotency_key", row_condition=AUTO_ROWS),
         _false("holds_raw_body")),
        "The action table: accepted determinations, gates, systems, objects and actions; "
        "every auto row has an idempotency key; no raw email body in a payload."),
    _raw_body_suite(
        "outputs.fct_message_outcomes", "marts.fct_message_outcomes", ("evidence", "reason"),
        (_unique("run_id", "message_id"), _in_set("determination", DETERMINATIONS), _in_set("outcome", OUTCOMES),
         _in_set("cupola_state", CUPOLA_STATES), _false("holds_raw_body")),
        "One outcome per message: accepted determinations, outcomes and CUPOLA states."),
    _raw_body_suite(
        "outputs.write_log", "ops.write_log", ("payload", "prior", "remote_message"),
        (_not_null("idempotency_key"), _unique("system", "idempotency_key"), _in_set("system", SYSTEMS),
         _in_set("action", ACTIONS), _in_set("status", WRITE_STATUSES), _false("holds_raw_body")),
        "The write log: one row per system and idempotency key, accepted statuses, "
        "no raw email body sent to a system."),
    _document("processing_report_master", ("evidence", "subject"),
              more=(_in_set("determination", DETERMINATIONS), _in_set("outcome", OUTCOMES))),
    _document("output_document_human_review", ("evidence", "subject"), keys=("run_id", "message_id", "review_reason"),
              more=(_in_set("determination", DETERMINATIONS),)),
    _document("output_document_inactive_no_cupola_match", ("evidence", "subject"),
              keys=("run_id", "message_id", "org_person_id")),
    _document("output_document_email_update_requests", ("evidence",), keys=("run_id", "message_id", "subscription_id"),
              more=(_email("new_email"),)),
    _document("output_document_inactive_new_org", ("evidence",)),
    _document("output_document_alternate_contacts", ("evidence",), keys=("run_id", "message_id", "ordinal"),
              more=(_email("replacement_email"),)),
    _document("output_document_multipub_audit", (), keys=("run_id", "message_id", "subscription_id")),
    _document("output_document_undeliverables", ("bounce_diagnostic", "subject")),
    _document("output_document_undetermined_senders", ("evidence", "subject")),
    _document("human_review_metadata", ("payload", "prior"),
              keys=("run_id", "message_id", "system", "object", "record_id", "action", "review_reason",
                    "idempotency_key")),
    _document("out_of_office_tracking", ("evidence",)),
    _document("marketing_suppression", ("reason",), keys=("run_id", "email"), more=(_email("email"),)),
)

ALL_SUITES: tuple[Suite, ...] = INPUT_SUITES + OUTPUT_SUITES
BY_NAME = {s.name: s for s in ALL_SUITES}
BY_TABLE = {s.table: s for s in ALL_SUITES}
