"""A small, strict image decoder in pure Python + NumPy (no Qt): PNG and Netpbm (PBM / PGM / PPM).

PNG: every colour type (grey, grey + alpha, RGB, RGBA, palette with transparency), bit depths 1, 2, 4, 8 and 16
(16-bit samples keep their high byte), interlaced (Adam7) or not; chunk checksums are verified and the
decompressed size is capped by the header, so damaged files and zip bombs are refused. Ancillary chunks (gamma,
colour profiles, text) are ignored, and so is tRNS for grey / RGB images. Netpbm: P1-P6, maxval up to 65535.
JPEG, GIF, BMP, WebP, TIFF and HEIC/AVIF are recognised and refused with advice to convert to PNG.
"""

from __future__ import annotations

import zlib

import numpy as np

from .dataset import DataError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SIDE = 16384
MAX_PIXELS = 64 * 2**20
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
_OTHER_FORMATS = ((b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"BM", "BMP"),
                  (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))
SUPPORTED = "PNG, PGM, PPM and PBM"


class ImageError(DataError):
    """An image file that cannot be decoded; the message names the file and the problem."""


def sniff(head: bytes) -> str:
    """'png', 'pnm', 'empty', the name of a format Katman cannot read (JPEG, GIF, ...) or 'unknown'."""
    if not head:
        return "empty"
    if head.startswith(PNG_SIGNATURE):
        return "png"
    if len(head) >= 3 and head[:1] == b"P" and head[1:2] in b"123456" and head[2:3].isspace():
        return "pnm"
    for magic, name in _OTHER_FORMATS:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp":
        return "HEIC/AVIF"
    return "unknown"


def _refuse(kind: str, where: str) -> ImageError:
    if kind == "empty":
        return ImageError(f"{where}: the file is empty (0 bytes)")
    if kind == "unknown":
        return ImageError(f"{where}: not an image Katman can read ({SUPPORTED}); save it as PNG")
    return ImageError(f"{where}: {kind} images are not supported (Katman reads {SUPPORTED}): convert it to PNG, "
                      "e.g. with 'Export as PNG' in an image editor")


def header_info(head: bytes) -> tuple[int, int, bool] | None:
    """(height, width, is_grey) from the first bytes of a PNG or Netpbm file; None if they do not tell."""
    kind = sniff(head)
    if kind == "png" and len(head) >= 26 and head[12:16] == b"IHDR":
        w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        return (h, w, head[25] in (0, 4)) if 0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE else None
    if kind == "pnm":
        try:
            tokens, _ = _pnm_tokens(head, 2)
        except ImageError:
            return None
        w, h = tokens
        return (h, w, head[1:2] in b"1245") if 0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE else None
    return None


def decode(data: bytes, where: str) -> np.ndarray:
    """Decode an image file's bytes to (height, width, channels) uint8, channels 1 (grey), 2 (grey + alpha),
    3 (RGB) or 4 (RGBA). Raises ImageError naming `where` and the problem."""
    kind = sniff(data[:16])
    if kind == "png":
        return _decode_png(data, where)
    if kind == "pnm":
        return _decode_pnm(data, where)
    raise _refuse(kind, where)


# ---------------------------------------------------------------------------- PNG
def _chunks(data: bytes, where: str):
    pos = len(PNG_SIGNATURE)
    while True:
        if pos + 8 > len(data):
            raise ImageError(f"{where}: the PNG file is truncated (it ends before its IEND chunk)")
        length = int.from_bytes(data[pos:pos + 4], "big")
        ctype = data[pos + 4:pos + 8]
        if not ctype.isalpha():
            raise ImageError(f"{where}: the PNG file is damaged (bad chunk at byte {pos})")
        if length > 2**31 - 1 or pos + 12 + length > len(data):
            raise ImageError(f"{where}: the PNG file is truncated (chunk {ctype.decode()} at byte {pos} runs past "
                             "the end)")
        body = data[pos + 8:pos + 8 + length]
        crc = int.from_bytes(data[pos + 8 + length:pos + 12 + length], "big")
        if zlib.crc32(ctype + body) & 0xFFFFFFFF != crc:
            raise ImageError(f"{where}: the PNG file is damaged (checksum error in chunk {ctype.decode()} at byte "
                             f"{pos})")
        yield ctype, body
        if ctype == b"IEND":
            return
        pos += 12 + length


def _sizes(w: int, h: int, interlace: int) -> list[tuple[int, int, int, int, int, int]]:
    """(x0, y0, dx, dy, width, height) of each pass with pixels (one pass for non-interlaced images)."""
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    out = []
    for x0, y0, dx, dy in passes:
        pw, ph = (w - x0 + dx - 1) // dx, (h - y0 + dy - 1) // dy
        if pw > 0 and ph > 0:
            out.append((x0, y0, dx, dy, pw, ph))
    return out


def _stride(w: int, ch: int, depth: int) -> int:
    return (w * ch * depth + 7) // 8


def _unfilter(raw: np.ndarray, h: int, stride: int, bpp: int, where: str) -> np.ndarray:
    rows = raw.reshape(h, stride + 1)
    out = np.empty((h, stride), dtype=np.uint8)
    prior = bytes(stride)
    for y in range(h):
        ft = int(rows[y, 0])
        line = rows[y, 1:]
        if ft == 0:
            cur = line.copy()
        elif ft == 1:
            cur = np.cumsum(line.reshape(-1, bpp), axis=0, dtype=np.uint8).reshape(-1)
        elif ft == 2:
            cur = line + np.frombuffer(prior, dtype=np.uint8)
        elif ft in (3, 4):
            buf = bytearray(line.tobytes())
            p = prior
            if ft == 3:
                for i in range(stride):
                    left = buf[i - bpp] if i >= bpp else 0
                    buf[i] = (buf[i] + ((left + p[i]) >> 1)) & 0xFF
            else:
                for i in range(stride):
                    if i >= bpp:
                        a, b, c = buf[i - bpp], p[i], p[i - bpp]
                    else:
                        a, b, c = 0, p[i], 0
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - c - c)
                    buf[i] = (buf[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
            cur = np.frombuffer(bytes(buf), dtype=np.uint8)
        else:
            raise ImageError(f"{where}: the PNG file is damaged (row {y + 1} has unknown filter type {ft})")
        out[y] = cur
        prior = cur.tobytes()
    return out


def _samples(rows: np.ndarray, w: int, ch: int, depth: int) -> np.ndarray:
    """Unpacked samples (h, w, ch) as integers (uint8, or uint16 for 16-bit images)."""
    h = rows.shape[0]
    if depth == 8:
        return rows[:, :w * ch].reshape(h, w, ch)
    if depth == 16:
        return rows[:, :w * ch * 2].reshape(h, w, ch, 2)[..., 0]  # big-endian: the high byte comes first
    bits = np.unpackbits(rows, axis=1)[:, :w * ch * depth].reshape(h, w * ch, depth)
    weights = (1 << np.arange(depth - 1, -1, -1)).astype(np.uint8)
    return (bits * weights).sum(-1, dtype=np.uint8).reshape(h, w, ch)


def _decode_png(data: bytes, where: str) -> np.ndarray:
    ihdr = plte = trns = None
    idat: list[bytes] = []
    for i, (ctype, body) in enumerate(_chunks(data, where)):
        if i == 0 and ctype != b"IHDR":
            raise ImageError(f"{where}: the PNG file is damaged (it does not start with its IHDR chunk)")
        if ctype == b"IHDR":
            if len(body) != 13:
                raise ImageError(f"{where}: the PNG file is damaged (IHDR has {len(body)} bytes, not 13)")
            ihdr = body
        elif ctype == b"PLTE":
            plte = body
        elif ctype == b"tRNS":
            trns = body
        elif ctype == b"IDAT":
            idat.append(body)
        elif not ctype[:1].islower() and ctype != b"IEND":
            raise ImageError(f"{where}: the PNG file uses the chunk {ctype.decode()}, which Katman does not know")
    assert ihdr is not None
    w, h = int.from_bytes(ihdr[0:4], "big"), int.from_bytes(ihdr[4:8], "big")
    depth, ctype_, comp, filt, interlace = ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE) or w * h > MAX_PIXELS:
        raise ImageError(f"{where}: the image is {w}×{h} pixels; Katman reads images up to {MAX_SIDE} pixels a "
                         f"side and {MAX_PIXELS} pixels in all: make it smaller first")
    if ctype_ not in _CHANNELS or depth not in _DEPTHS[ctype_] or comp or filt or interlace > 1:
        raise ImageError(f"{where}: the PNG header is invalid (colour type {ctype_}, bit depth {depth})")
    ch = _CHANNELS[ctype_]
    if ctype_ == 3 and (plte is None or not plte or len(plte) % 3 or len(plte) > 768):
        raise ImageError(f"{where}: the PNG file is damaged (its palette is missing or invalid)")
    if not idat:
        raise ImageError(f"{where}: the PNG file has no image data (no IDAT chunk)")
    passes = _sizes(w, h, interlace)
    expected = sum(ph * (_stride(pw, ch, depth) + 1) for *_, pw, ph in passes)
    try:
        d = zlib.decompressobj()
        raw = d.decompress(b"".join(idat), expected)
    except zlib.error as exc:
        raise ImageError(f"{where}: the PNG image data is damaged ({exc})") from None
    if len(raw) < expected:
        raise ImageError(f"{where}: the PNG image data is truncated ({len(raw)} of {expected} bytes)")
    buf = np.frombuffer(raw, dtype=np.uint8)
    img = np.zeros((h, w, ch), dtype=np.uint8)
    bpp = max(1, ch * depth // 8)
    pos = 0
    for x0, y0, dx, dy, pw, ph in passes:
        stride = _stride(pw, ch, depth)
        rows = _unfilter(buf[pos:pos + ph * (stride + 1)], ph, stride, bpp, where)
        pos += ph * (stride + 1)
        img[y0::dy, x0::dx] = _samples(rows, pw, ch, depth)
    if ctype_ == 0 and depth < 8:
        img = img * np.uint8(255 // (2**depth - 1))
    if ctype_ == 3:
        assert plte is not None
        pal = np.frombuffer(plte, dtype=np.uint8).reshape(-1, 3)
        idx = img[..., 0]
        if int(idx.max()) >= len(pal):
            raise ImageError(f"{where}: the PNG file is damaged (a pixel uses colour {int(idx.max())} of a "
                             f"{len(pal)}-colour palette)")
        if trns:
            alpha = np.full(len(pal), 255, dtype=np.uint8)
            alpha[:min(len(trns), len(pal))] = np.frombuffer(trns[:len(pal)], dtype=np.uint8)
            if (alpha < 255).any():
                return np.concatenate([pal, alpha[:, None]], axis=1)[idx]
        return pal[idx]
    return img


def _chunk(ctype: bytes, body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + ctype + body + (zlib.crc32(ctype + body) & 0xFFFFFFFF).to_bytes(4, "big")


def encode_png(img: np.ndarray, filter_type: int | None = None) -> bytes:
    """An 8-bit PNG of img: (H, W) or (H, W, C) uint8 with C = 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA).
    filter_type 0-4 filters every row the same way; None cycles through all five (exercises every decoder path)."""
    img = np.asarray(img, dtype=np.uint8)
    if img.ndim == 2:
        img = img[..., None]
    h, w, ch = img.shape
    ctype = {1: 0, 2: 4, 3: 2, 4: 6}[ch]
    rows = img.reshape(h, w * ch).astype(np.int64)
    prior = np.zeros(w * ch, dtype=np.int64)
    raw = bytearray()
    for y in range(h):
        ft = y % 5 if filter_type is None else filter_type
        cur = rows[y]
        left = np.concatenate([np.zeros(ch, np.int64), cur[:-ch]])
        up_left = np.concatenate([np.zeros(ch, np.int64), prior[:-ch]])
        if ft == 4:
            pa, pb, pc = np.abs(prior - up_left), np.abs(left - up_left), np.abs(left + prior - 2 * up_left)
            pred = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, prior, up_left))
        else:
            pred = (0, left, prior, (left + prior) // 2)[ft]
        raw += bytes([ft]) + ((cur - pred) % 256).astype(np.uint8).tobytes()
        prior = cur
    header = w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([8, ctype, 0, 0, 0])
    return (PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(raw)))
            + _chunk(b"IEND", b""))


# ---------------------------------------------------------------------------- Netpbm
def _pnm_tokens(data: bytes, count: int) -> tuple[list[int], int]:
    """The first `count` whole numbers after the magic (skipping whitespace and # comments), and the offset
    just after the last one."""
    pos, out = 2, []
    n = len(data)
    while len(out) < count:
        while pos < n and (data[pos:pos + 1].isspace() or data[pos:pos + 1] == b"#"):
            if data[pos:pos + 1] == b"#":
                end = data.find(b"\n", pos)
                pos = n if end < 0 else end
            pos += 1
        start = pos
        while pos < n and data[pos:pos + 1].isdigit():
            pos += 1
        if start == pos or pos - start > 9:
            raise ImageError("bad header")
        out.append(int(data[start:pos]))
    return out, pos


def _decode_pnm(data: bytes, where: str) -> np.ndarray:
    kind = data[1] - ord("0")
    plain = kind <= 3
    ch = 3 if kind in (3, 6) else 1
    try:
        tokens, pos = _pnm_tokens(data, 2 if kind in (1, 4) else 3)
    except ImageError:
        raise ImageError(f"{where}: the P{kind} header is damaged (it needs width, height"
                         f"{'' if kind in (1, 4) else ' and maximum value'} as whole numbers)") from None
    w, h = tokens[0], tokens[1]
    maxval = 1 if kind in (1, 4) else tokens[2]
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE) or w * h > MAX_PIXELS:
        raise ImageError(f"{where}: the image is {w}×{h} pixels; Katman reads images up to {MAX_SIDE} pixels a side")
    if not 0 < maxval <= 65535:
        raise ImageError(f"{where}: the maximum value {maxval} must be from 1 to 65535")
    count = w * h * ch
    if plain:
        body = data[pos:]
        if kind == 1:
            text = bytes(b for b in _strip_comments(body) if b in b"01")
            values = np.frombuffer(text, dtype=np.uint8) - ord("0")
        else:
            parts = _strip_comments(body).split()
            if not all(p.isdigit() and len(p) <= 9 for p in parts):
                raise ImageError(f"{where}: the P{kind} pixel values must be whole numbers")
            values = np.array([int(p) for p in parts], dtype=np.int64)
        if len(values) < count:
            raise ImageError(f"{where}: the file is truncated ({len(values)} of {count} pixel values)")
        values = values[:count]
    else:
        pos += 1  # the single whitespace after the header
        if kind == 4:
            row = (w + 7) // 8
            need = row * h
            if len(data) - pos < need:
                raise ImageError(f"{where}: the file is truncated ({len(data) - pos} of {need} bytes of pixels)")
            packed = np.frombuffer(data[pos:pos + need], dtype=np.uint8).reshape(h, row)
            values = np.unpackbits(packed, axis=1)[:, :w].reshape(-1)
        else:
            size = 2 if maxval > 255 else 1
            need = count * size
            if len(data) - pos < need:
                raise ImageError(f"{where}: the file is truncated ({len(data) - pos} of {need} bytes of pixels)")
            values = np.frombuffer(data[pos:pos + need], dtype=">u2" if size == 2 else np.uint8)
    if kind in (1, 4):
        return np.where(values.reshape(h, w, 1) > 0, 0, 255).astype(np.uint8)
    values = values.astype(np.int64)
    if int(values.max()) > maxval:
        raise ImageError(f"{where}: a pixel value ({int(values.max())}) is above the file's maximum {maxval}")
    if maxval != 255:
        values = (values * 255 + maxval // 2) // maxval
    return values.astype(np.uint8).reshape(h, w, ch)


def _strip_comments(body: bytes) -> bytes:
    return b"\n".join(line.split(b"#", 1)[0] for line in body.split(b"\n"))
