#!/usr/bin/env python3
"""Generate Sources/DealKit/Model/CountryTable.swift from the iso-codes ISO 3166-1 list.

Usage (from the package root, or anywhere):

    python3 scripts/gen-countries.py [--iso PATH] [--out PATH]

Defaults: --iso /usr/share/iso-codes/json/iso_3166-1.json (Debian/Ubuntu package
"iso-codes"), --out Sources/DealKit/Model/CountryTable.swift in the package this script is in.

The ISO list gives codes and the formal names; what it cannot give is the name a
reader expects to see ("South Korea", not "Korea, Republic of") or the many
spellings other datasets use ("UK", "Ivory Coast", "Korea, Rep."). Those live
here, in DISPLAY_OVERRIDES and ALIASES, so that regenerating from a newer
iso-codes keeps them. Matching (case, diacritics, punctuation, "the") is done by
the Swift side, so aliases only need to list spellings that differ in words.
"""

import argparse
import hashlib
import json
import os
import sys

DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "Sources", "DealKit", "Model", "CountryTable.swift",
)

# Display names where neither ISO's `common_name` nor `name` is what people say.
DISPLAY_OVERRIDES = {
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "PN": "Pitcairn Islands",
    "PS": "Palestine",
    "RU": "Russia",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

# Codes that are not ISO 3166-1 countries but that deals are made with.
EXTRA_ENTRIES = [
    {"alpha_2": "EU", "name": "European Union"},
]

# Other spellings, by code. Never add a name that could mean two countries:
# "Korea", "Virgin Islands", "Guinea" (taken by GN only because it is ISO's name).
ALIASES = {
    "AE": ["UAE", "Emirates"],
    "AX": ["Aland"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BQ": ["Caribbean Netherlands", "Bonaire"],
    "CC": ["Cocos Islands", "Keeling Islands"],
    "CD": ["DRC", "Congo-Kinshasa", "Congo, Dem. Rep.", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo, Rep."],
    "CI": ["Ivory Coast"],
    "CN": ["PRC", "Mainland China", "China, People's Republic of"],
    "CV": ["Cape Verde"],
    "EG": ["Egypt, Arab Rep."],
    "FM": ["Micronesia, Fed. Sts."],
    "GB": ["UK", "Great Britain", "Britain", "England", "Scotland", "Wales",
           "Northern Ireland"],
    # The EU's own country codes write Greece as EL (and the UK as UK).
    "GR": ["EL"],
    "GS": ["South Georgia"],
    "HK": ["Hong Kong SAR", "Hong Kong SAR, China", "Hong Kong, China", "Hongkong"],
    "HM": ["Heard and McDonald Islands"],
    "IE": ["Republic of Ireland", "Eire"],
    "IR": ["Iran, Islamic Rep.", "Persia"],
    "KG": ["Kyrgyz Republic"],
    "KN": ["Saint Kitts"],
    "KP": ["DPRK", "Korea, North", "Korea, Dem. People's Rep.", "Korea DPR"],
    "KR": ["ROK", "Korea, South", "Korea, Rep."],
    "LA": ["Lao PDR", "Lao"],
    "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia",
           "Macedonia, the former Yugoslav Republic of", "Republic of Macedonia"],
    "MM": ["Burma", "Myanmar (Burma)"],
    "MO": ["Macau", "Macao SAR", "Macau SAR", "Macao SAR, China", "Macao, China"],
    "NL": ["Holland"],
    "PS": ["Palestinian Territories", "Palestinian Territory",
           "Occupied Palestinian Territory", "West Bank and Gaza"],
    "SA": ["KSA"],
    "SH": ["Saint Helena"],
    "SJ": ["Svalbard"],
    "ST": ["Sao Tome"],
    "SX": ["Sint Maarten"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Turkey", "Republic of Turkey"],
    "TT": ["Trinidad"],
    "TW": ["Republic of China", "ROC", "Chinese Taipei"],
    "UM": ["US Minor Outlying Islands"],
    "US": ["America"],
    "VA": ["Vatican", "Holy See", "Vatican City State"],
    "VC": ["Saint Vincent"],
    "VE": ["Venezuela, RB"],
    "VI": ["United States Virgin Islands"],
    "VN": ["Viet Nam"],
    "YE": ["Yemen, Rep."],
}


def inverted(name):
    """Put ISO's inverted style back in reading order: "Korea, Republic of" -> "Republic of Korea".

    Only when the tail ends in "of" or "of the", because other commas in ISO names
    ("Bonaire, Sint Eustatius and Saba") are lists, not inversions.
    """
    head, sep, tail = name.rpartition(", ")
    words = tail.split()
    if not sep or not words:
        return None
    if words[0].lower() == "the":
        words = words[1:]
    lowered = [w.lower() for w in words]
    if lowered[-1:] != ["of"] and lowered[-2:] != ["of", "the"]:
        return None
    if lowered[-1] == "the":
        words[-1] = "the"
    return " ".join(words + [head])


def loose(s):
    """A key that only ignores case, spacing and "the".

    Used to drop aliases that add nothing. The Swift side matches more loosely, so
    this may keep a redundant alias but can never drop a needed one.
    """
    return " ".join(w for w in s.casefold().split() if w != "the")


def swift_string(s):
    if s is None:
        return "nil"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build(iso_entries):
    by_code = {}
    for e in iso_entries + EXTRA_ENTRIES:
        code = e["alpha_2"]
        if code in by_code:
            sys.exit(f"duplicate code {code}")
        if len(code) != 2 or not code.isascii() or not code.isupper():
            sys.exit(f"unexpected code {code!r}")
        display = DISPLAY_OVERRIDES.get(code) or e.get("common_name") or e["name"]
        by_code[code] = {
            "code": code,
            "alpha3": e.get("alpha_3"),
            "name": display,
            "iso": e["name"],
            "official": e.get("official_name"),
            "common": e.get("common_name"),
            "aliases": [],
        }

    for code in list(DISPLAY_OVERRIDES) + list(ALIASES):
        if code not in by_code:
            sys.exit(f"override or alias for unknown code {code}")

    # Which spelling belongs to which code, to refuse an alias given to two countries.
    # (The Swift tests repeat this check with the real matching rules.)
    owner = {}

    def claim(spelling, code):
        key = loose(spelling)
        if owner.setdefault(key, code) != code:
            sys.exit(f"{spelling!r} given to both {owner[key]} and {code}")

    for code, r in by_code.items():
        for s in (r["code"], r["alpha3"], r["name"], r["iso"], r["official"], r["common"]):
            if s:
                claim(s, code)

    for code, r in sorted(by_code.items()):
        candidates = [inverted(r["iso"])] + ALIASES.get(code, [])
        seen = {loose(s) for s in (r["code"], r["alpha3"], r["name"], r["iso"], r["official"], r["common"]) if s}
        for alias in candidates:
            if not alias:
                continue
            key = loose(alias)
            if key in seen:
                continue
            seen.add(key)
            claim(alias, code)
            r["aliases"].append(alias)

    return [by_code[c] for c in sorted(by_code)]


def render(records, iso_path, digest, iso_count):
    out = []
    out.append("// GENERATED FILE - do not edit by hand.")
    out.append("//")
    out.append("// Generated by scripts/gen-countries.py from the iso-codes ISO 3166-1 list")
    out.append(f"// ({os.path.basename(iso_path)}, {iso_count} entries, sha256 {digest[:16]}...)")
    out.append("// plus the display-name overrides and aliases written in that script.")
    out.append("// To change a name or alias, edit the script, then regenerate from the package root:")
    out.append("//")
    out.append("//     python3 scripts/gen-countries.py")
    out.append("")
    out.append("/// The country data behind ``Countries``, one record per code, sorted by code.")
    out.append("enum CountryTable {")
    out.append("    static let records: [CountryRecord] = [")
    for r in records:
        aliases = "[" + ", ".join(swift_string(a) for a in r["aliases"]) + "]"
        # `.init(` rather than `CountryRecord(`: it type-checks about three times faster.
        out.append(
            "        .init("
            f"code: {swift_string(r['code'])}, alpha3: {swift_string(r['alpha3'])}, "
            f"name: {swift_string(r['name'])}, isoName: {swift_string(r['iso'])}, "
            f"officialName: {swift_string(r['official'])}, commonName: {swift_string(r['common'])}, "
            f"aliases: {aliases}),"
        )
    out.append("    ]")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default=DEFAULT_ISO, help="iso_3166-1.json from iso-codes")
    ap.add_argument("--out", default=DEFAULT_OUT, help="Swift file to write")
    args = ap.parse_args()

    with open(args.iso, "rb") as f:
        raw = f.read()
    iso_entries = json.loads(raw)["3166-1"]
    if len(iso_entries) != 249:
        print(f"note: {len(iso_entries)} ISO entries (expected 249); update CountryTests", file=sys.stderr)

    records = build(iso_entries)
    text = render(records, args.iso, hashlib.sha256(raw).hexdigest(), len(iso_entries))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {len(records)} countries to {os.path.normpath(args.out)}")


if __name__ == "__main__":
    main()
