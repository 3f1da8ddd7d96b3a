#!/usr/bin/env python3
"""imgdiff.py A.png B.png [MAX_FRACTION] — compare two renderings of a page.

Decodes the 8-bit, non-interlaced PNGs pdftoppm writes (standard library
only) and fails when the images differ in size or when more than
MAX_FRACTION (default 0.005) of the pixels differ by more than 48 levels in
any channel: small anti-aliasing changes pass, moved text does not."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace:
                raise ValueError(f"{path}: only 8-bit non-interlaced PNGs")
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    a, b = read_png(sys.argv[1]), read_png(sys.argv[2])
    limit = float(sys.argv[3]) if len(sys.argv) > 3 else 0.005
    if a[:3] != b[:3]:
        print(f"size differs: {a[:3]} vs {b[:3]}")
        return 1
    width, height, channels = a[:3]
    differing = 0
    for ra, rb in zip(a[3], b[3]):
        for x in range(0, width * channels, channels):
            if any(abs(ra[x + k] - rb[x + k]) > 48 for k in range(channels)):
                differing += 1
    fraction = differing / (width * height)
    print(f"{differing} of {width * height} pixels differ ({fraction:.4%}, limit {limit:.2%})")
    return 0 if fraction <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
