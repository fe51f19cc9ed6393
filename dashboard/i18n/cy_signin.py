"""Negeseuon Cymraeg mewngofnodi: yr hysbysiadau mynediad a'r tudalennau mewngofnodi."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "signin.open_label": "Dangosfwrdd agored:",
    "signin.open_notice": (
        "dim mewngofnodi. Mae unrhyw un sy'n cyrraedd y cyfeiriad hwn yn gweld manylion "
        "pob ysgol; dim ond ar y cyfrifiadur hwn y caiff ei weini."
    ),
    "signin.public_label": "Ffigurau cyhoeddus yn unig:",
    "signin.public_notice": (
        "ffigurau cenedlaethol ac awdurdodau lleol, wedi'u hatal fel ym mhobman; "
        "ni ddangosir unrhyw ysgol na CDP. Mewngofnodwch i weld manylion eich ardal."
    ),
    "signin.signed_in_as": "Wedi mewngofnodi fel {name}",
    "signin.sign_out": "Allgofnodi",
    "signin.user_label": "Eich cyfrif",
    "signin.no_access_title": "Dim mynediad",
    "signin.no_access_text": (
        "Rydych wedi mewngofnodi fel {name}, ond nid oes gan eich cyfrif rôl yn plcnet. "
        "Gofynnwch i weinyddwr plcnet ychwanegu un o'ch grwpiau at y ffeil rolau."
    ),
    "signin.signed_out_title": "Wedi allgofnodi",
    "signin.signed_out_text": "Rydych wedi allgofnodi o plcnet.",
    "signin.sign_in_again": "Mewngofnodi eto",
    "signin.failed_title": "Methodd y mewngofnodi",
    "signin.failed_text": (
        "Ni allai plcnet gwblhau eich mewngofnodi (efallai iddo gymryd gormod o amser, "
        "neu na atebodd y darparwr hunaniaeth). Rhowch gynnig arall arni."
    ),
    "signin.try_again": "Rhoi cynnig arall arni",
    "signin.required_text": (
        "Mewngofnodwch drwy dudalen mewngofnodi eich sefydliad i weld plcnet."
    ),
    "signin.forbidden": "Gwaharddedig",
    "signin.sign_in_required": "Rhaid mewngofnodi",
    "cli.public_help": (
        "Gweini cyfansymiau cenedlaethol ac awdurdodau lleol yn unig, byth fanylion ysgol "
        "neu CDP, i unrhyw un (dim mewngofnodi): yr unig ffordd i weini heb fewngofnodi "
        "y tu hwnt i'r cyfrifiadur hwn."
    ),
    "cli.open_refused": (
        "Ni fydd plcnet yn gweini heb fewngofnodi ar {host}: byddai unrhyw un sy'n ei "
        "gyrraedd yn darllen manylion pob ysgol.\n"
        "Naill ai mynnwch fewngofnodi: PLCNET_AUTH_MODE=oidc gyda PLCNET_OIDC_ISSUER, "
        "PLCNET_OIDC_CLIENT_ID, PLCNET_OIDC_CLIENT_SECRET (neu _FILE), PLCNET_ROLES_FILE a "
        "PLCNET_SESSION_SECRET (neu _FILE); neu PLCNET_AUTH_MODE=proxy gyda "
        "PLCNET_TRUSTED_PROXIES a PLCNET_ROLES_FILE (docs/access.md);\n"
        "neu gweinwch ffigurau cyhoeddus yn unig: --public-aggregates-only;\n"
        "neu gwrandewch ar y cyfrifiadur hwn yn unig: --host 127.0.0.1."
    ),
    "cli.access_error": "Ni all plcnet ddechrau: {error}\nGweler docs/access.md.",
}
