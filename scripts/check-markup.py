#!/usr/bin/env python3
"""Parses a report's HTML or SVG with the standard library and prints what a test checks, as JSON.

    check-markup.py html FILE   -> {"tags": [...], "unclosed": [...], "stray_end": [...],
                                    "event_attributes": [...], "hrefs": [...], "srcs": [...],
                                    "scripts": N, "svgs": N, "svg_elements": N, "text": "..."}
    check-markup.py svg FILE    -> {"root": "svg", "elements": N, "texts": [...], "tags": [...]}

Each inline <svg> of the HTML is also parsed as XML (xml.etree): a failure exits 1 with the reason.

    check-markup.py --serve     -> reads KIND TAB FILE lines, answers each with one JSON line
                                   ({"error": reason} when it does not parse): the tests start it once
"""
import json, re, sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets you leave out; the report always closes them, so none is listed.
SVG_NS = "{http://www.w3.org/2000/svg}"


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.stray, self.events, self.hrefs, self.srcs = [], set(), [], [], [], []
        self.scripts, self.text = 0, []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, v in attrs:
            if k.lower().startswith("on"):
                self.events.append(f"{tag}.{k}")
            if k.lower() in ("href", "xlink:href"):
                self.hrefs.append(v or "")
            if k.lower() in ("src", "srcset", "action", "formaction", "data"):
                self.srcs.append(v or "")
        if tag == "script":
            self.scripts += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.stray.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def svg_info(root):
    tags = sorted({e.tag.replace(SVG_NS, "") for e in root.iter()})
    texts = ["".join(e.itertext()) for e in root.iter(SVG_NS + "text")]
    return {"root": root.tag.replace(SVG_NS, ""), "elements": sum(1 for _ in root.iter()), "texts": texts, "tags": tags}


class NotWellFormed(Exception):
    pass


def check(kind, path):
    """What is printed for `kind` and the file at `path`; NotWellFormed says why it does not parse."""
    data = open(path, encoding="utf-8").read()
    if kind == "svg":
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            raise NotWellFormed(f"{path}: not well-formed XML: {e}")
        return svg_info(root)
    p = Checker()
    p.feed(data)
    p.close()
    svgs = re.findall(r"<svg\b.*?</svg>", data, re.S)
    elements = 0
    for i, s in enumerate(svgs):
        try:
            elements += svg_info(ET.fromstring(s))["elements"]
        except ET.ParseError as e:
            raise NotWellFormed(f"{path}: inline SVG {i + 1} is not well-formed XML: {e}")
    return {"tags": sorted(p.tags), "unclosed": p.stack, "stray_end": p.stray,
            "event_attributes": p.events, "hrefs": p.hrefs, "srcs": p.srcs, "scripts": p.scripts,
            "svgs": len(svgs), "svg_elements": elements, "text": " ".join(p.text)}


def main():
    if sys.argv[1] == "--serve":
        # One line a request, KIND TAB PATH; one JSON line an answer, {"error": why} if it does not parse.
        for line in sys.stdin:
            kind, path = line.rstrip("\n").split("\t", 1)
            try:
                answer = check(kind, path)
            except NotWellFormed as e:
                answer = {"error": str(e)}
            print(json.dumps(answer), flush=True)
        return
    try:
        print(json.dumps(check(sys.argv[1], sys.argv[2])))
    except NotWellFormed as e:
        print(e, file=sys.stderr)
        sys.exit(1)


main()
