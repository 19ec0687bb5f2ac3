// What a person sees, measured in the page (see guards.py). One object, one method per guard.
({
  brokenWords() {
    const selector = "table, caption, button, .utrecht-button, h1, h2, h3, h4, h5, h6";
    const found = [];
    const seen = new Set();
    const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
      ? "." + el.className.trim().split(/\s+/).join(".") : "");
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (seen.has(node)) continue;
        seen.add(node);
        const el = node.parentElement;
        if (!el || el.closest("svg, .zwerm-visually-hidden, [hidden], details:not([open]) > :not(summary)")) continue;
        if (!el.getClientRects().length) continue;
        const re = /[^\s\-\/\u2010-\u2015]{2,}/g;
        let m;
        while ((m = re.exec(node.data))) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = [];
          for (const r of range.getClientRects()) {
            if (r.width > 0 && r.height > 0 && !tops.some((t) => Math.abs(t - r.top) < 3)) tops.push(r.top);
          }
          if (tops.length > 1) found.push(`"${m[0]}" in ${describe(el)} over ${tops.length} lines`);
        }
      }
    }
    return found;
  },

  chartFaults() {
    const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(px|%|em|rem)?$/;
    const PAIR = /^[-+]?(\d+\.?\d*|\.\d+),[-+]?(\d+\.?\d*|\.\d+)$/;
    const GEOMETRY = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
                      "stroke-width", "font-size", "opacity", "fill-opacity", "offset"];
    const MARKS = "circle, rect, line, polyline, polygon, path, ellipse";
    const faults = [];
    const where = (el) => {
      const svg = el.closest("svg");
      const label = svg && (svg.getAttribute("aria-label") || (svg.querySelector("title") || {}).textContent || svg.getAttribute("class") || "svg");
      return `<${el.tagName.toLowerCase()}> in ${String(label).slice(0, 60)}`;
    };
    for (const el of document.querySelectorAll("svg, svg *")) {
      for (const name of GEOMETRY) {
        const value = el.getAttribute(name);
        if (value !== null && !NUMBER.test(value.trim())) faults.push(`${name}="${value}" on ${where(el)}`);
      }
      const viewBox = el.getAttribute("viewBox");
      if (viewBox !== null) {
        const parts = viewBox.trim().split(/[\s,]+/);
        if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) faults.push(`viewBox="${viewBox}" on ${where(el)}`);
      }
      const points = el.getAttribute("points");
      if (points !== null && points.trim() && !points.trim().split(/\s+/).every((p) => PAIR.test(p))) {
        faults.push(`points="${points.slice(0, 40)}…" on ${where(el)}`);
      }
    }
    for (const el of document.querySelectorAll("[style]")) {
      if (/\d,\d/.test(el.getAttribute("style"))) faults.push(`style="${el.getAttribute("style")}" on <${el.tagName.toLowerCase()}>`);
    }
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith("data-") && /^[-+]?\d+,\d+$/.test(attr.value.trim())) {
          faults.push(`${attr.name}="${attr.value}" on <${el.tagName.toLowerCase()}>`);
        }
      }
    }
    for (const script of document.querySelectorAll('script[type="application/json"], script[type="application/ld+json"]')) {
      try { JSON.parse(script.textContent); } catch (e) { faults.push(`JSON in <script id="${script.id}"> does not parse`); }
    }
    const charts = document.querySelectorAll('svg[role="img"], svg.zwerm-spark, svg.zwerm-chart');
    for (const svg of charts) {
      const marks = [...svg.querySelectorAll(MARKS)];
      const drawn = marks.filter((m) => { const b = m.getBBox(); return b.width > 0 || b.height > 0; });
      // A frame alone (one rect covering the chart) is not a mark of the data.
      const box = svg.getBBox();
      const data = drawn.filter((m) => { const b = m.getBBox(); return !(b.width >= box.width - 1 && b.height >= box.height - 1); });
      if (!data.length) faults.push(`chart ${where(svg.firstElementChild || svg)} draws no marks`);
      const rect = svg.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) faults.push(`chart ${where(svg.firstElementChild || svg)} has no size on the page`);
    }
    return faults;
  },

  pageText() {
    const lang = (document.documentElement.lang || "").slice(0, 2);
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("script, style, template, svg title, svg desc")) continue;
      const own = el.closest("[lang]");
      if (own && own.lang.slice(0, 2) !== lang) continue;
      if (node.data.trim()) parts.push(node.data);
    }
    for (const input of document.querySelectorAll('input:not([type]), input[type="text"], input[type="number"]')) {
      if (input.value) parts.push(input.value);
    }
    return {lang, text: parts.join(" ").replace(/\s+/g, " ")};
  },
})
