#!/usr/bin/env python3
"""Writes a macOS .icns from the rendered PNGs (standard library only; no macOS iconutil needed).

An .icns file is the magic 'icns', the file's length, then one entry per image: a four-letter type, the entry's
length (8 + data) and PNG data. The PNG-carrying types macOS (10.7+) reads, with the pixel size each holds:
icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x), ic12 64 (32@2x),
ic13 256 (128@2x), ic14 512 (256@2x).
   icns.py OUT.icns PREFIX   (reads PREFIX-<size>.png)
"""
import struct
import sys

TYPES = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024),
         ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data):
    if data[:8] != PNG_MAGIC or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def main(out, prefix):
    entries = b""
    for kind, size in TYPES:
        with open(f"{prefix}-{size}.png", "rb") as f:
            data = f.read()
        if png_size(data) != (size, size):
            raise ValueError(f"{prefix}-{size}.png is not {size}x{size}")
        entries += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
