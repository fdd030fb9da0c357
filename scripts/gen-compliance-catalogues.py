#!/usr/bin/env python3
"""Generates data/compliance/catalogues.tsv.gz (gzip of this script's output): the requirement
catalogues of the compliance frameworks Palisade maps its rules to, reduced to what the mapping
and the coverage view need.

Input: a folder holding the framework definitions (JSON, one per framework:
`{"framework", "version", "name", "requirements": [{"id", "name", "description", "attributes"}]}`;
see data/README.md for their provenance).

Usage: scripts/gen-compliance-catalogues.py PATH/TO/compliance | gzip -9n > data/compliance/catalogues.tsv.gz

Format, one record a line, fields separated by tabs:
  f  KEY  NAME                                 a framework; the lines up to the next `f` belong to it
  r  ID  DOMAIN  TITLE  NATURE  DESCRIPTION    a requirement, in the framework's own order
The Korean catalogue of ISMS-P is the framework `isms-p@ko`, with the same ids as `isms-p`.
DOMAIN is the framework's own grouping (ISMS-P subdomain, CIS section, PCI DSS principal
requirement, FSBP service). NATURE is `technical` or `organisational` (policy, people,
external parties, physical security, personal-data handling: no configuration can decide it).
DESCRIPTION is the first sentence of the requirement's text, at most 300 characters.
"""
import json
import os
import re
import sys

# ISMS-P: the control areas made of organisation, people and paper, physical protection and
# the personal-data lifecycle (1.x management system, 2.1 policy, 2.2 personnel, 2.3 external
# parties, 2.4 physical security, 3.x personal-data processing).
ISMS_ORGANISATIONAL = ("1.", "2.1.", "2.2.", "2.3.", "2.4.", "3.")
# Within the protection measures, the requirements that are procedures, tests, training or
# physical media handling: definition and review of security requirements in development,
# removable media, incident-response training and response, disaster-recovery testing.
ISMS_ORGANISATIONAL_IDS = {"2.8.1", "2.8.2", "2.10.7", "2.11.4", "2.11.5", "2.12.2"}

# PCI DSS v4.0 principal requirements.
PCI_PRINCIPAL = {
    "1": "Install and maintain network security controls",
    "2": "Apply secure configurations to all system components",
    "3": "Protect stored account data",
    "4": "Protect cardholder data with strong cryptography during transmission",
    "5": "Protect all systems and networks from malicious software",
    "6": "Develop and maintain secure systems and software",
    "7": "Restrict access to system components and cardholder data by business need to know",
    "8": "Identify users and authenticate access to system components",
    "9": "Restrict physical access to cardholder data",
    "10": "Log and monitor all access to system components and cardholder data",
    "11": "Test security of systems and networks regularly",
    "12": "Support information security with organizational policies and programs",
    "A1": "Additional requirements for multi-tenant service providers",
    "A3": "Designated entities supplemental validation",
}


def clean(s):
    return re.sub(r"\s+", " ", (s or "").replace("\t", " ")).strip()


def first_sentence(s, limit=300):
    s = clean(s)
    m = re.search(r"(?<=[.?!])\s", s)
    if m:
        s = s[: m.start()]
    if len(s) > limit:
        s = s[: limit - 1].rsplit(" ", 1)[0] + "…"
    return s


def load(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)["requirements"]


def isms(folder, name, key, label):
    out = [("f", key, label)]
    for r in load(folder, name):
        a = r["attributes"]
        rid = clean(r["id"])  # the Korean catalogue writes one id with a trailing space
        organisational = rid.startswith(ISMS_ORGANISATIONAL) or rid in ISMS_ORGANISATIONAL_IDS
        nature = "organisational" if organisational else "technical"
        out.append(("r", rid, clean(a["Subdomain"]), clean(r["name"]), nature, first_sentence(r["description"])))
    return out


def cis(folder, name, key, label):
    out = [("f", key, label)]
    for r in load(folder, name):
        out.append(("r", clean(r["id"]), clean(r["attributes"]["Section"]), clean(r["description"]), "technical", ""))
    return out


def fsbp(folder):
    out = [("f", "fsbp", "AWS Foundational Security Best Practices")]
    for r in load(folder, "aws_foundational_security_best_practices.json"):
        out.append(("r", clean(r["id"]), clean(r["attributes"]["Section"]), clean(r["name"]), "technical", first_sentence(r["description"])))
    return out


def pci(folder):
    # The definitions list, per PCI DSS requirement, the AWS configuration checks that bear on
    # it; the requirement is the number before the colon of each entry's section.
    out = [("f", "pci-4.0", "PCI DSS v4.0")]
    seen = set()
    for r in load(folder, "pci_4.0.json"):
        num, _, title = r["attributes"]["Section"].partition(":")
        num = num.strip()
        if num in seen:
            continue
        seen.add(num)
        principal = num.split(".")[0]
        domain = f"Requirement {principal}: {PCI_PRINCIPAL[principal]}"
        out.append(("r", num, domain, clean(title), "technical", ""))
    # Requirements in the framework's numbering order.
    def order(row):
        return [(0, int(p)) if p.isdigit() else (1, p) for p in row[1].replace("A", "A.").split(".") if p]
    return out[:1] + sorted(out[1:], key=order)


def main():
    folder = sys.argv[1]
    rows = []
    rows += isms(folder, "kisa_isms_p_2023.json", "isms-p", "KISA ISMS-P 2023")
    rows += isms(folder, "kisa_isms_p_2023_korean.json", "isms-p@ko", "KISA ISMS-P 2023 (정보보호 및 개인정보보호 관리체계)")
    rows += cis(folder, "cis_6.0.json", "cis-6.0", "CIS Amazon Web Services Foundations Benchmark v6.0.0")
    rows += cis(folder, "cis_7.0.json", "cis-7.0", "CIS Amazon Web Services Foundations Benchmark v7.0.0")
    rows += pci(folder)
    rows += fsbp(folder)
    out = sys.stdout
    out.write("# Compliance requirement catalogues, from Prowler's compliance definitions (Apache-2.0, see LICENSE-prowler)\n")
    for row in rows:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
