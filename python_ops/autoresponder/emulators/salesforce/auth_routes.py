"""Session routes other clients than simple-salesforce need: SOAP login/logout, identity, userinfo.

* `POST /services/Soap/u/<v>[/<orgId>]`: the partner API envelope is parsed namespace-agnostically
  (simple-salesforce writes `<n1:username>`, jsforce `<username>` in a default namespace);
  `login` and `logout` are answered, other operations get the SOAP fault Salesforce gives for an
  operation it does not know.
* `GET /id/<orgId>/<userId>` (the identity URL built from the login answer; `oauth_token=` or a
  Bearer header) and `GET /services/oauth2/userinfo`: a bad token is HTTP 403 `Bad_OAuth_Token`,
  as in Salesforce.
* `GET /services/oauth2/authorize?response_type=code&client_id=&redirect_uri=&state=`: the
  web-server flow's consent step; the org's user approves at once and the browser is sent to
  `redirect_uri?code=...&state=...` (302). An unknown client id is HTTP 400
  `invalid_client_id`; another response type redirects with `error=unsupported_response_type`.
* `POST /services/oauth2/token` (form-encoded): the OAuth 2.0 `authorization_code` grant (the
  code, once, with the same `redirect_uri`: access + refresh token), the `refresh_token` grant
  (client id, client secret, refresh token of the org's connected app: `org.client_id`,
  `.client_secret`, `.refresh_token`) and the `password` grant; errors are HTTP 400 with
  Salesforce's own `{"error", "error_description"}` (`invalid_grant`, `invalid_client_id`,
  `invalid_client`, `redirect_uri_mismatch`, `unsupported_grant_type`). `POST
  /services/oauth2/revoke` revokes a refresh or access token.
* `POST /_emulator/sessions/expire`: every access token stops working (refresh tokens stay
  valid), as when sessions time out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from xml.sax.saxutils import escape

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from .oauth_routes import add_oauth_routes
from .org import EmulatedOrg

_SOAP_NS = ('xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" '
            'xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
_XML = "text/xml;charset=UTF-8"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def _parse_envelope(raw: bytes) -> tuple[str | None, dict[str, str], str | None]:
    """(operation, its child texts, SessionHeader sessionId) of a SOAP envelope; op None if unparsable."""
    try:
        root = ET.fromstring(raw)
    except ET.ParseError:
        return None, {}, None
    body = next((el for el in root if _local(el.tag) == "Body"), None)
    header = next((el for el in root if _local(el.tag) == "Header"), None)
    session_id = None
    if header is not None:
        for el in header.iter():
            if _local(el.tag) == "sessionId":
                session_id = (el.text or "").strip()
    if body is None or len(body) == 0:
        return None, {}, session_id
    op = body[0]
    return _local(op.tag), {_local(c.tag): c.text or "" for c in op}, session_id


def _envelope(inner: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope {_SOAP_NS}><soapenv:Body>{inner}'
            "</soapenv:Body></soapenv:Envelope>")


def _fault(code: str, message: str, fault_type: str = "UnexpectedErrorFault") -> Response:
    qualified = code if ":" in code else f"sf:{code}"
    detail = ""
    if ":" not in code:
        detail = (f'<detail><sf:{fault_type} xsi:type="sf:{fault_type}"><sf:exceptionCode>{code}</sf:exceptionCode>'
                  f"<sf:exceptionMessage>{escape(message)}</sf:exceptionMessage></sf:{fault_type}></detail>")
    text = f"{code}: {message}" if ":" not in code else message
    xml = _envelope(f"<soapenv:Fault><faultcode>{qualified}</faultcode><faultstring>{escape(text)}</faultstring>"
                    f"{detail}</soapenv:Fault>")
    return Response(xml, status_code=500, media_type=_XML)


def identity_body(org: EmulatedOrg, version: str) -> dict[str, Any]:
    """What `GET /id/<orgId>/<userId>` answers (the fields jsforce's IdentityInfo and most SDKs read)."""
    base = org.instance_url
    uid, oid = org.user_id, org.org_id

    def url(path: str) -> str:
        return f"{base}{path}".replace("{version}", version)

    return {
        "id": f"{base}/id/{oid}/{uid}", "asserted_user": True, "user_id": uid, "organization_id": oid,
        "username": org.username, "nick_name": org.username.split("@")[0], "display_name": org.user_full_name,
        "email": org.user_email, "email_verified": True, "first_name": org.user_full_name.split()[0],
        "last_name": org.user_full_name.split()[-1], "timezone": "GMT", "photos": {
            "picture": url("/profilephoto/005/F"), "thumbnail": url("/profilephoto/005/T")},
        "addr_street": None, "addr_city": None, "addr_state": None, "addr_country": None, "addr_zip": None,
        "mobile_phone": None, "mobile_phone_verified": False, "is_lightning_login_user": False,
        "status": {"created_date": None, "body": None},
        "urls": {
            "enterprise": url(f"/services/Soap/c/{{version}}/{oid}"),
            "metadata": url(f"/services/Soap/m/{{version}}/{oid}"),
            "partner": url(f"/services/Soap/u/{{version}}/{oid}"),
            "rest": url("/services/data/v{version}/"),
            "sobjects": url("/services/data/v{version}/sobjects/"),
            "search": url("/services/data/v{version}/search/"),
            "query": url("/services/data/v{version}/query/"),
            "recent": url("/services/data/v{version}/recent/"),
            "tooling_soap": url(f"/services/Soap/T/{{version}}/{oid}"),
            "tooling_rest": url("/services/data/v{version}/tooling/"),
            "profile": url(f"/{uid}"),
            "feeds": url("/services/data/v{version}/chatter/feeds"),
            "groups": url("/services/data/v{version}/chatter/groups"),
            "users": url("/services/data/v{version}/chatter/users"),
            "feed_items": url("/services/data/v{version}/chatter/feed-items"),
            "feed_elements": url("/services/data/v{version}/chatter/feed-elements"),
            "custom_domain": base,
        },
        "active": True, "user_type": "STANDARD", "language": "en_US", "locale": "en_US", "utcOffset": 0,
        "last_modified_date": "2024-01-01T00:00:00.000+0000", "is_app_installed": True,
    }


def _token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if " " in auth:
        return auth.split(" ", 1)[1].strip()
    return request.query_params.get("oauth_token")


def _bad_token() -> Response:
    return Response("Bad_OAuth_Token", status_code=403, media_type="text/plain;charset=UTF-8")


def add_auth_routes(app: FastAPI, org: EmulatedOrg) -> None:
    """Register the OAuth routes (`oauth_routes.py`), SOAP login/logout, the identity URL and
    userinfo on `app`."""
    add_oauth_routes(app, org)

    @app.post("/services/Soap/u/{version}")
    @app.post("/services/Soap/u/{version}/{org_id}")
    async def soap(version: str, request: Request) -> Response:
        op, args, session_id = _parse_envelope(await request.body())
        if op is None:
            return _fault("soapenv:Client", "Unable to parse the SOAP envelope")
        if op == "login":
            token = org.login(args.get("username", ""), args.get("password", ""))
            if token is None:
                return _fault("INVALID_LOGIN", "Invalid username, password, security token; or user locked out.",
                              "LoginFault")
            return Response(_envelope(_login_result(org, version, token)), media_type=_XML)
        if not org.session_valid(session_id):
            return _fault("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session")
        if op == "logout":
            org.logout(session_id or "")
            return Response(_envelope("<logoutResponse/>"), media_type=_XML)
        if op == "getUserInfo":
            return Response(_envelope(f"<getUserInfoResponse><result>{_user_info(org)}</result>"
                                      "</getUserInfoResponse>"), media_type=_XML)
        return _fault("soapenv:Client", f"No operation available for request {{urn:partner.soap.sforce.com}}{op}")

    @app.get("/id/{org_id}/{user_id}")
    def identity(org_id: str, user_id: str, request: Request) -> Response:
        if not org.session_valid(_token(request)):
            return _bad_token()
        if org_id[:15] != org.org_id[:15] or user_id[:15] != org.user_id[:15]:
            return Response("Bad_Id", status_code=404, media_type="text/plain;charset=UTF-8")
        version = request.query_params.get("version", org.version).replace("latest", org.version)
        return JSONResponse(identity_body(org, version))

    @app.get("/services/oauth2/userinfo")
    def userinfo(request: Request) -> Response:
        if not org.session_valid(_token(request)):
            return _bad_token()
        ident = identity_body(org, org.version)
        return JSONResponse({
            "sub": ident["id"], "user_id": org.user_id, "organization_id": org.org_id,
            "preferred_username": org.username, "nickname": ident["nick_name"], "name": org.user_full_name,
            "email": org.user_email, "email_verified": True, "given_name": ident["first_name"],
            "family_name": ident["last_name"], "zoneinfo": "GMT", "photos": ident["photos"],
            "profile": ident["urls"]["profile"], "picture": ident["photos"]["picture"], "address": {},
            "is_salesforce_integration_user": False,
            "urls": {k: v.replace("{version}", org.version) for k, v in ident["urls"].items()},
            "active": True, "user_type": "STANDARD", "language": "en_US", "locale": "en_US", "utcOffset": 0,
            "updated_at": "2024-01-01T00:00:00Z", "is_app_installed": True,
        })


def _user_info(org: EmulatedOrg) -> str:
    return (f"<accessibilityMode>false</accessibilityMode><currencySymbol>$</currencySymbol>"
            "<orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit>"
            "<orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode>"
            "<orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>"
            "<orgHasPersonAccounts>false</orgHasPersonAccounts>"
            f"<organizationId>{org.org_id}</organizationId><organizationMultiCurrency>false"
            f"</organizationMultiCurrency><organizationName>{escape(org.org_name)}</organizationName>"
            "<profileId>00e5e000000AbCdAAK</profileId><roleId xsi:nil=\"true\"/><sessionSecondsValid>7200"
            f"</sessionSecondsValid><userDefaultCurrencyIsoCode xsi:nil=\"true\"/><userEmail>{escape(org.user_email)}"
            f"</userEmail><userFullName>{escape(org.user_full_name)}</userFullName><userId>{org.user_id}</userId>"
            "<userLanguage>en_US</userLanguage><userLocale>en_US</userLocale>"
            f"<userName>{escape(org.username)}</userName><userTimeZone>GMT</userTimeZone>"
            "<userType>Standard</userType><userUiSkin>Theme3</userUiSkin>")


def _login_result(org: EmulatedOrg, version: str, token: str) -> str:
    base = org.instance_url
    return (f"<loginResponse><result><metadataServerUrl>{base}/services/Soap/m/{version}/{org.org_id}"
            "</metadataServerUrl><passwordExpired>false</passwordExpired><sandbox>false</sandbox>"
            f"<serverUrl>{base}/services/Soap/u/{version}/{org.org_id}</serverUrl>"
            f"<sessionId>{token}</sessionId><userId>{org.user_id}</userId>"
            f"<userInfo>{_user_info(org)}</userInfo></result></loginResponse>")
