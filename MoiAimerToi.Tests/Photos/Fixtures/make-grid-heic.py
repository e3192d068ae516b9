#!/usr/bin/env python3
"""Builds grid-irot.heic: an iPhone-shaped HEIC, a grid of 2 x 2 HEVC tiles turned by an `irot` box.

Usage: make-grid-heic.py TILE0.heic TILE1.heic TILE2.heic TILE3.heic OUT.heic
Each tile is a single-image HEIC of 64 x 64 (heif-enc of a PNG). The grid is 128 x 96 (the bottom row cropped to
32 px), tiles left to right, top to bottom, and `irot` 1 turns it 90 degrees anticlockwise: shown 96 x 128.
Only what HEIF needs is written: ftyp, meta (hdlr, pitm, iinf, iloc, iref dimg, iprp), mdat.
"""
import struct
import sys


def box(kind, payload):
    return struct.pack(">I4s", 8 + len(payload), kind.encode()) + payload


def full_box(kind, version, flags, payload):
    return box(kind, struct.pack(">I", (version << 24) | flags) + payload)


def children(data, start, end):
    """(kind, payload start, box end) of each box between start and end."""
    at = start
    while at < end:
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        yield kind.decode(), at + 8, at + size
        at += size


def tile(path):
    """A single-image HEIC's hvcC box and its coded data."""
    data = open(path, "rb").read()
    hvcc = coded = None
    for kind, start, end in children(data, 0, len(data)):
        if kind != "meta":
            continue
        for inner, s, e in children(data, start + 4, end):
            if inner == "iprp":
                for prop, ps, pe in children(data, s, e):
                    if prop == "ipco":
                        for p, qs, qe in children(data, ps, pe):
                            if p == "hvcC":
                                hvcc = data[qs - 8:qe]
            elif inner == "iloc":
                version = data[s]
                sizes = data[s + 4]
                offset_size, length_size = sizes >> 4, sizes & 15
                assert (offset_size, length_size) == (4, 4), "only 4-byte iloc offsets"
                base_size = data[s + 5] >> 4
                at = s + 6
                count = struct.unpack(">H", data[at:at + 2])[0]
                at += 2
                assert count >= 1
                at += 2  # item id
                if version == 1:
                    at += 2  # construction method
                at += 2  # data reference index
                base = int.from_bytes(data[at:at + base_size], "big")
                at += base_size
                extents = struct.unpack(">H", data[at:at + 2])[0]
                assert extents == 1
                offset, length = struct.unpack(">II", data[at + 2:at + 10])
                coded = data[base + offset:base + offset + length]
    assert hvcc and coded, path
    return hvcc, coded


def build(tiles, out):
    width, height, angle = 128, 96, 1
    grid = struct.pack(">BBBBHH", 0, 0, 1, 1, width, height)  # version, flags, rows - 1, columns - 1, output size
    payloads = [coded for _, coded in tiles] + [grid]

    ftyp = box("ftyp", b"heic" + struct.pack(">I", 0) + b"mif1heic")
    hdlr = full_box("hdlr", 0, 0, struct.pack(">I", 0) + b"pict" + b"\0" * 12 + b"\0")
    pitm = full_box("pitm", 0, 0, struct.pack(">H", 5))
    infes = b"".join(full_box("infe", 2, 1, struct.pack(">HH", item, 0) + b"hvc1" + b"\0") for item in range(1, 5))
    infes += full_box("infe", 2, 0, struct.pack(">HH", 5, 0) + b"grid" + b"\0")
    iinf = full_box("iinf", 0, 0, struct.pack(">H", 5) + infes)
    iref = full_box("iref", 0, 0, box("dimg", struct.pack(">HH", 5, 4) + struct.pack(">HHHH", 1, 2, 3, 4)))
    properties = [hvcc for hvcc, _ in tiles]  # 1-4
    properties.append(full_box("ispe", 0, 0, struct.pack(">II", 64, 64)))  # 5
    properties.append(full_box("ispe", 0, 0, struct.pack(">II", width, height)))  # 6
    properties.append(box("irot", bytes([angle & 3])))  # 7
    ipco = box("ipco", b"".join(properties))
    entries = b"".join(struct.pack(">HB", item, 2) + bytes([0x80 | item, 5]) for item in range(1, 5))
    entries += struct.pack(">HB", 5, 2) + bytes([6, 0x80 | 7])
    ipma = full_box("ipma", 0, 0, struct.pack(">I", 5) + entries)
    iprp = box("iprp", ipco + ipma)

    def iloc(mdat_start):
        items, at = b"", mdat_start + 8
        for item, payload in enumerate(payloads, start=1):
            items += struct.pack(">HHHII", item, 0, 1, at, len(payload))
            at += len(payload)
        return full_box("iloc", 0, 0, bytes([0x44, 0x00]) + struct.pack(">H", len(payloads)) + items)

    # The iloc's size does not depend on the offsets it holds: measure once, then write it for real.
    meta_size = len(full_box("meta", 0, 0, hdlr + pitm + iinf + iloc(0) + iref + iprp))
    meta = full_box("meta", 0, 0, hdlr + pitm + iinf + iloc(len(ftyp) + meta_size) + iref + iprp)
    mdat = box("mdat", b"".join(payloads))
    open(out, "wb").write(ftyp + meta + mdat)


if __name__ == "__main__":
    build([tile(path) for path in sys.argv[1:5]], sys.argv[5])
