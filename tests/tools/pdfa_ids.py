#!/usr/bin/env python3
"""tests/tools/pdfa_ids.py BOOKLET.pdf — check a booklet's identifiers independently.

Reads the trailer /ID and the XMP packet's DocumentID/InstanceID straight from
the file's bytes and checks what docs/format.md promises:
- the first /ID string is the DocumentID's 16 bytes, which is the RFC 4122
  version-5 UUID of "id:<meta.id>" (or "title:<title>") in briefc's document
  namespace (uuid5(NAMESPACE_URL, "urn:briefc:document"));
- with the placeholders put back (the nil UUID for the InstanceID, the fixed
  placeholder bytes for the second /ID), the file's SHA-256 gives the second
  /ID (its first 16 bytes) and the InstanceID (uuid5 of the hex digest in the
  namespace uuid5(NAMESPACE_URL, "urn:briefc:instance")).
Prints the ids; exits 1 with a reason when anything disagrees."""
import hashlib
import re
import sys
import uuid

DOCUMENT_NS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:briefc:document")
INSTANCE_NS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:briefc:instance")
ID_PLACEHOLDER = bytes.fromhex("B71EFC005AFE1D00B71EFC005AFE1D00")
NIL = b"00000000-0000-0000-0000-000000000000"


def main():
    data = bytearray(open(sys.argv[1], "rb").read())
    trailer = data.rfind(b"trailer")
    m = re.compile(rb"/ID \[ ?<([0-9A-Fa-f]{32})> ?<([0-9A-Fa-f]{32})> ?\]").search(data, trailer)
    if trailer < 0 or not m:
        sys.exit("no /ID [<…> <…>] in the trailer")
    first, second = bytes.fromhex(m.group(1).decode()), bytes.fromhex(m.group(2).decode())
    doc = re.search(rb"<xmpMM:DocumentID>uuid:([0-9a-f-]{36})</xmpMM:DocumentID>", data)
    inst = re.search(rb"<xmpMM:InstanceID>uuid:([0-9a-f-]{36})</xmpMM:InstanceID>", data)
    if not doc or not inst:
        sys.exit("no xmpMM:DocumentID / InstanceID in the XMP packet")
    document_id = uuid.UUID(doc.group(1).decode())
    instance_id = uuid.UUID(inst.group(1).decode())
    if first != document_id.bytes:
        sys.exit(f"/ID's first half {first.hex()} is not the DocumentID {document_id}")
    ident = re.search(rb"<dc:identifier>([^<]*)</dc:identifier>", data)
    title = re.search(rb'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</rdf:li>', data)
    unescape = lambda b: (b.decode().replace("&lt;", "<").replace("&gt;", ">")
                          .replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&"))
    name = "id:" + unescape(ident.group(1)) if ident else "title:" + unescape(title.group(1))
    if uuid.uuid5(DOCUMENT_NS, name) != document_id:
        sys.exit(f"DocumentID {document_id} is not uuid5 of {name!r}")
    # put the placeholders back and hash
    data[m.start(2):m.end(2)] = ID_PLACEHOLDER.hex().upper().encode()
    data[inst.start(1):inst.end(1)] = NIL
    digest = hashlib.sha256(bytes(data)).hexdigest()
    if second.hex() != digest[:32]:
        sys.exit(f"/ID's second half {second.hex()} is not the file's hash {digest[:32]}")
    if uuid.uuid5(INSTANCE_NS, digest) != instance_id:
        sys.exit(f"InstanceID {instance_id} is not uuid5 of the file's hash")
    print(f"DocumentID {document_id} ({name})\nInstanceID {instance_id}\n"
          f"/ID [{first.hex()} {second.hex()}]")


if __name__ == "__main__":
    main()
