// WCAG 2.x contrast of every element with its own visible text, evaluated in the page (PageChecks.ContrastAsync).
// Returns [{selector, text, fg, bg, ratio, required, backgroundImage, pass}]. L = 0.2126 R + 0.7152 G + 0.0722 B on
// linearised sRGB; ratio = (L1 + 0.05) / (L2 + 0.05); at least 4.5:1 for every text, large text too.
// The text colour is `color`, or `fill` for SVG text; its alpha and the opacity of the element and its ancestors are
// composited over the effective background: every ancestor's background-color, front to back, over white.
() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat(a);
  };
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    const layers = []; let image = false;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== "none") image = true;
      const c = parse(s.backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (c && c[3] >= 1) break;
    }
    let bg = [255, 255, 255, 1];
    for (const l of layers.reverse()) bg = over(l, bg);
    return { bg, image };
  };
  const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
  const name = (el) => el.id ? "#" + el.id : el.tagName.toLowerCase() + (el.getAttribute("class") ? "." + el.getAttribute("class").split(" ").join(".") : "");
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join("");
    if (!own) continue;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (s.visibility === "hidden" || s.display === "none" || r.width === 0 || r.height === 0) continue;
    if (r.right <= 0 || r.bottom <= 0) continue; // moved off screen until focused (the skip link)
    const { bg, image } = background(el);
    const svgText = el instanceof SVGElement;
    let fg = parse(svgText ? s.fill : s.color) || parse(s.color);
    fg = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    // Issue 26 asks 4.5:1 of every text, large or not (WCAG 2 AA would allow 3:1 for large text).
    const required = 4.5;
    out.push({ selector: name(el), text: own.slice(0, 40), fg: fg.slice(0, 3).map(Math.round), bg: bg.slice(0, 3).map(Math.round),
      ratio: Math.round(ratio * 100) / 100, required, backgroundImage: image, pass: ratio >= required && !image });
  }
  return out;
}
