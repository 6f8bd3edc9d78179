#!/usr/bin/env python3
"""Draws the app icon from one description (below) into every size the
manifest and iOS need, plus an SVG for the favicon. Pure standard library,
deterministic: the same bytes on every run, so the committed icons can be
checked against this script (scripts/test.sh does).

    python3 scripts/make_icons.py public/icons

The motif: a vertical timeline (a line with three milestones) beside rising
bars, white on the app's accent blue."""
import os, struct, sys, zlib

ACCENT = (11, 83, 148)
WHITE = (255, 255, 255)

# Shapes in a 100×100 design space: (kind, params). Circles: cx, cy, r.
# Rectangles: x, y, w, h.
SHAPES = [
    ("rect", 30, 18, 5, 64),
    ("circle", 32.5, 26, 7),
    ("circle", 32.5, 50, 7),
    ("circle", 32.5, 74, 7),
    ("rect", 48, 58, 10, 24),
    ("rect", 62, 44, 10, 38),
    ("rect", 76, 28, 10, 54),
]

def inside(x, y):
    for s in SHAPES:
        if s[0] == "rect":
            _, rx, ry, w, h = s
            if rx <= x <= rx + w and ry <= y <= ry + h:
                return True
        else:
            _, cx, cy, r = s
            if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                return True
    return False

def render(size, pad, rounded):
    """pad: fraction of the canvas kept free around the motif (maskable icons
    need their content inside the central 80 %); rounded: corner radius in
    design units for the background, 0 for full-bleed."""
    ss = 4  # supersampling per axis, for smooth edges
    rows = []
    scale = 100.0 / (size * (1 - 2 * pad))
    for py in range(size):
        row = bytearray([0])  # PNG filter: none
        for px in range(size):
            cover = 0
            bg = 0
            for sy in range(ss):
                for sx in range(ss):
                    fx = (px + (sx + 0.5) / ss) / size * 100
                    fy = (py + (sy + 0.5) / ss) / size * 100
                    # background: rounded square over the whole canvas
                    if rounded:
                        r = rounded
                        cx = min(max(fx, r), 100 - r)
                        cy = min(max(fy, r), 100 - r)
                        inbg = (fx - cx) ** 2 + (fy - cy) ** 2 <= r * r
                    else:
                        inbg = True
                    bg += inbg
                    dx = ((px + (sx + 0.5) / ss) - size * pad) * scale
                    dy = ((py + (sy + 0.5) / ss) - size * pad) * scale
                    cover += inbg and inside(dx, dy)
            n = ss * ss
            a = bg / n
            f = cover / max(bg, 1)
            rgb = [round(ACCENT[i] * (1 - f) + WHITE[i] * f) for i in range(3)]
            row += bytes(rgb + [round(a * 255)])
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))

def svg():
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
             '<rect width="100" height="100" rx="18" fill="#0b5394"/>']
    pad, k = 0.12, 0.76
    for s in SHAPES:
        if s[0] == "rect":
            _, x, y, w, h = s
            parts.append(f'<rect x="{pad*100 + x*k:.2f}" y="{pad*100 + y*k:.2f}" width="{w*k:.2f}" height="{h*k:.2f}" fill="#fff"/>')
        else:
            _, cx, cy, r = s
            parts.append(f'<circle cx="{pad*100 + cx*k:.2f}" cy="{pad*100 + cy*k:.2f}" r="{r*k:.2f}" fill="#fff"/>')
    parts.append("</svg>\n")
    return "".join(parts)

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "public/icons"
    os.makedirs(out, exist_ok=True)
    targets = {
        "icon-192.png": (192, 0.12, 18),
        "icon-512.png": (512, 0.12, 18),
        # Maskable: full-bleed background, motif inside the 80 % safe zone.
        "maskable-512.png": (512, 0.2, 0),
        "apple-touch-icon.png": (180, 0.12, 0),
    }
    for name, (size, pad, rounded) in targets.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(render(size, pad, rounded))
    with open(os.path.join(out, "icon.svg"), "w") as f:
        f.write(svg())
    print("icons written to", out)
