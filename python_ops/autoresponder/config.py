"""Run configuration (pydantic settings; environment prefix `AUTORESPONDER_`).

Nothing is read at import: call `Settings()` where a run starts.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from autoresponder.systems.hubspot.settings import HubSpotSettings


class Settings(BaseSettings):
    """Everything a run can be told. Production defaults to `plan` (DESIGN §10)."""

    model_config = SettingsConfigDict(env_prefix="AUTORESPONDER_", extra="ignore")

    mode: str = Field("plan", pattern="^(plan|apply)$")
    sources_dir: Path = Path("seeds")
    warehouse: Path = Path("warehouse.duckdb")
    runs_dir: Path = Path("runs")
    as_of: str | None = None  # ISO date; default today
    our_domains: list[str] = Field(default_factory=lambda: ["example-research.com"])
    auto_add_replacements: bool = False
    allow_reactivation: bool = False
    max_deactivation_share: float = 0.5  # stop before writing when exceeded (DESIGN §10)
    # DuckDB's memory limit on the run's warehouse connections and dbt's (`SET memory_limit`; past it
    # DuckDB spills to disk or fails the query): "2GB", "80%" (of RAM: DuckDB's own default), ...
    duckdb_memory_limit: str = "2GB"
    # DuckDB's threads on the same connections (`SET threads`); None: DuckDB's default, one per core
    duckdb_threads: int | None = Field(None, ge=1)
    # processes classifying with the rules when a run has many new messages (0: one per core, at most 4)
    classify_jobs: int = Field(0, ge=0)
    # processes reading and parsing replies when a run lands many files (0: one per core, at most 4)
    land_jobs: int = Field(0, ge=0)
    # Great Expectations suites (gx/): inputs guard apply (exit 4), outputs are reported, Data Docs
    # go to runs/<run_id>/data_docs/; a table's row count must stay within these shares of the
    # previous successful run's (tables that only grow: at least the previous count)
    data_quality: bool = True
    quality_row_count_min_ratio: float = Field(0.5, ge=0)
    quality_row_count_max_ratio: float = Field(2.0, gt=0)
    # DESIGN §5 LOW_CONFIDENCE gate; None -> the threshold chosen by `autoresponder calibrate`
    min_auto_confidence: float | None = None
    # DESIGN §10 / RFC 8601: authserv-ids whose Authentication-Results count (empty: only the topmost header)
    trusted_authserv_ids: list[str] = Field(default_factory=list)
    require_sender_authentication: bool = False  # on: a message without a trusted pass cannot write
    salesforce_objects: list[str] = Field(default_factory=lambda: [
        "Contact", "Lead", "Account", "User", "Task", "Event", "TaskWhoRelation", "Opportunity",
        "OpportunityContactRole"])
    # hard bounces recorded on the matched Contact/Lead (EmailBouncedDate, EmailBouncedReason): a
    # factual write that deactivates nothing, through the same gates and write log (docs/salesforce.md)
    salesforce_record_bounces: bool = True
    # one Task per Account and ISO week, subject `Weekly deal summary`, the curated outcomes of the week
    salesforce_weekly_rollup: bool = False
    salesforce_api_version: str = "59.0"
    # a real org: instance URL + access token, or username + password + security token (DESIGN §6);
    # none given -> the local emulator seeded from <sources>/salesforce/*.csv
    salesforce_instance_url: str | None = None
    salesforce_access_token: SecretStr | None = None
    salesforce_username: str | None = None
    salesforce_password: SecretStr | None = None
    salesforce_security_token: SecretStr | None = None
    salesforce_domain: str = "login"
    # access-token mode: renew a refused token through the OAuth 2.0 refresh-token flow (connected app)
    salesforce_refresh_token: SecretStr | None = None
    salesforce_client_id: str | None = None
    salesforce_client_secret: SecretStr | None = None
    salesforce_token_url: str | None = None  # default <instance_url>/services/oauth2/token
    # OAuth 2.0 web-server flow (`serve`: /oauth/salesforce/start, /callback): on, a run uses the grant
    # stored encrypted in ops.oauth_tokens (refresh token -> access tokens), key `token_key`
    salesforce_oauth: bool = False
    salesforce_login_url: str = "https://login.salesforce.com"  # authorize + token endpoints of the flow
    salesforce_redirect_uri: str | None = None  # default <review_url>oauth/salesforce/callback
    # Fernet key (urlsafe base64, 32 bytes) encrypting stored OAuth tokens; never stored in the warehouse
    token_key: SecretStr | None = None
    salesforce_bulk_threshold: int = 50_000  # objects with more rows sync through Bulk API 2.0
    salesforce_full_resync: bool = False
    salesforce_faults: dict | None = None  # emulator fault injection (tests, soak)
    # CUPOLA on SQL Server (pyodbc connection string); none -> the embedded store next to the warehouse
    cupola_odbc: SecretStr | None = None
    # --- sources on SQL Server (SQLAlchemy + pyodbc, land/sql_source.py): a SQLAlchemy URL or an ODBC
    # connection string like cupola_odbc. None -> the folder / CSV of <sources_dir> (DESIGN §3)
    emails_sql: SecretStr | None = None  # the email store: the most recent emails_sql_limit rows
    emails_sql_table: str = "CBI_EmailExtraction.dbo.Emails"  # database.schema.table (DESIGN §2)
    emails_sql_limit: int = Field(5000, gt=0)  # most recent N by ReceivedDate DESC
    cupola_sql: SecretStr | None = None  # the CUPOLA snapshot (dbo.Person, dbo.Org, dbo.OrgPerson)
    multipub_sql: SecretStr | None = None  # the Multipub snapshot (dbo.Subscriptions)
    hodor_sql: SecretStr | None = None  # the Hodor snapshot (dbo.Prospects)
    salesforce_batch_size: int = 200
    salesforce_create_tasks: bool = True
    # quota guard: Salesforce writes stop (RunStopped, exit 4) once the org's daily API usage passes this share
    salesforce_max_api_share: float = Field(0.8, gt=0, le=1)
    # HubSpot, the second CRM target (docs/hubspot.md): off unless `AUTORESPONDER_HUBSPOT_ENABLED`;
    # its settings (`AUTORESPONDER_HUBSPOT_*`) and their defaults live in systems/hubspot/settings.py
    hubspot: HubSpotSettings = Field(default_factory=HubSpotSettings)
    llm_model: str = "gpt-4o-mini"
    llm_enabled: bool = True
    llm_base_url: str | None = None  # else OPENAI_BASE_URL, read when the client is made
    llm_api_key: SecretStr | None = None  # else OPENAI_API_KEY; without a key the LLM step is skipped
    llm_timeout_s: float = 30.0
    # --- notifications (DESIGN §9): recipients per role come from here, never from code ---------
    # SMTP relay; port 0 = no relay configured: messages are composed and kept as .eml under the
    # run, logged `not_sent`, and a later `autoresponder notify RUN_ID` sends them
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 0
    smtp_starttls: bool = False
    smtp_ssl: bool = False  # implicit TLS (port 465)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_ca_file: Path | None = None  # CA bundle to verify the relay's certificate (default: system)
    smtp_timeout_s: float = 30.0
    smtp_retries: int = Field(4, ge=1)  # attempts per message, transient failures only
    smtp_backoff_s: float = Field(2.0, ge=0)  # first wait; doubles per attempt
    notify_from: str = "autoresponder@example-research.com"
    # documents attached to one message, in file bytes (MIME encoding adds up to a third; relays refuse
    # ~25 MB): a document that does not fit is listed in the body with its path, size and SHA-256
    notify_attachment_max_bytes: int = Field(10_000_000, ge=0)
    # role -> To / Cc addresses. Roles: cupola_audit_files, multipub_followup_batch,
    # undetermined_sender_review, multipub_followup_from_upload, action_items,
    # hodor_prospect_import, run_audit, marketing_suppression. A role without To gets no mail.
    notify_to: dict[str, list[str]] = Field(default_factory=lambda: {
        "cupola_audit_files": ["cupola-owner@example-research.com"],
        "multipub_followup_batch": ["client-services@example-research.com"],
        "undetermined_sender_review": ["multipub-review@example-research.com"],
        "multipub_followup_from_upload": ["client-services@example-research.com"],
        "action_items": ["ip4-review@example-research.com"],
        "hodor_prospect_import": ["hodor-import@example-research.com"],
        "run_audit": ["ip4-review@example-research.com"],
        "marketing_suppression": ["marketing@example-research.com"],
    })
    notify_cc: dict[str, list[str]] = Field(default_factory=dict)  # role -> Cc of that role only
    notify_global_cc: list[str] = Field(default_factory=list)  # added to every message (DESIGN §9)
    # link printed in mails to reviewers (the `serve` page)
    review_url: str = "http://127.0.0.1:8765/"
    # --- out of office (issue 10) -------------------------------------------------------------
    ooo_buffer_business_days: int = Field(1, ge=0)  # do_not_contact_until = return date + this
    ooo_fallback_days: int = Field(14, ge=0)  # no return date stated: the reply's date + this
    # --- `autoresponder serve` (reviewers) ----------------------------------------------------
    # reviewer name -> secret: sent as `Authorization: Bearer <secret>` or basic auth name:secret
    reviewers: dict[str, SecretStr] = Field(default_factory=dict)
    serve_host: str = "127.0.0.1"
    serve_port: int = 8765
    review_max_upload_bytes: int = Field(5_000_000, gt=0)


def default_setting(name: str):
    """The default of one setting, as written above (the one place each default lives)."""
    return Settings.model_fields[name].get_default(call_default_factory=True)


def duckdb_limits(settings: Settings | None = None) -> dict[str, str]:
    """DuckDB settings a run's warehouse connections get (`SET name = value`), dbt's included (the
    profile reads them from `AUTORESPONDER_DUCKDB_*`, see `autoresponder.dbt.dbt_env`); a setting
    left None is not set (DuckDB's default). `settings` None: `Settings()` (defaults, environment)."""
    settings = settings if settings is not None else Settings()
    out = {"memory_limit": str(settings.duckdb_memory_limit)}
    if settings.duckdb_threads is not None:
        out["threads"] = str(int(settings.duckdb_threads))
    return out
